import { type Theme, themes } from '../../../shared/settings.ts'

/** The stored setting is the truth; this copy only lets the first paint use the right colours. */
const CACHE_KEY = 'hookbench.theme'

/**
 * Applies a theme to the whole app: `ui/tokens.css` follows `data-theme` on `<html>`, and "system"
 * leaves the choice to the OS (`prefers-color-scheme`).
 */
export function applyTheme(theme: Theme): void {
  document.documentElement.dataset.theme = theme
  try {
    localStorage.setItem(CACHE_KEY, theme)
  } catch {
    // Storage can be unavailable (a locked-down profile); the theme still applies to this page.
  }
}

/** The theme last applied in this browser profile, or "system" before the first settings load. */
export function cachedTheme(): Theme {
  let stored: string | null = null
  try {
    stored = localStorage.getItem(CACHE_KEY)
  } catch {
    // See applyTheme.
  }
  return themes.find((theme) => theme === stored) ?? 'system'
}
