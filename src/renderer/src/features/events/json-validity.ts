export type JsonValidity = { ok: true } | { ok: false; message: string }

/** Whether the editor's text is JSON, and if not, the parser's reason (with its position). */
export function checkJson(text: string): JsonValidity {
  try {
    JSON.parse(text)
    return { ok: true }
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) }
  }
}
