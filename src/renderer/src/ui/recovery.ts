import type { ErrorBody } from '../../../shared/errors.ts'

export interface Recovery {
  /** What the user can do about it, in one sentence. */
  hint: string
  /** Retrying cannot fix a stale token; reloading the page fetches the current one. */
  action: 'retry' | 'reload'
}

export function recoveryFor(error: ErrorBody | null, fallbackHint: string): Recovery {
  if (error?.code === 'unauthorized') {
    return {
      hint: 'This page holds an old API token (was Hookbench restarted?). Reload the page to pick up the current one.',
      action: 'reload',
    }
  }
  return { hint: fallbackHint, action: 'retry' }
}

export function reloadPage(): void {
  window.location.reload()
}
