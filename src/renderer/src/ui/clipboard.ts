/** Puts text on the clipboard; false when the page may not (no clipboard API, or it refused). */
export async function writeClipboard(text: string): Promise<boolean> {
  // The clipboard API exists only in secure contexts (the app scheme, localhost).
  if (!('clipboard' in navigator)) return false
  try {
    await navigator.clipboard.writeText(text)
    return true
  } catch {
    return false
  }
}
