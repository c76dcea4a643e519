/**
 * How much of the Messages page the open message takes, as a share of the page's width: dragged
 * (or moved with the arrow keys) on the divider, and kept in this browser profile.
 */
export const DETAIL_SHARE = { min: 0.3, max: 0.6, initial: 0.42, step: 0.02 } as const

const STORAGE_KEY = 'hookbench.message-detail-share'

/** Within the bounds, rounded to a tenth of a percent (a drag produces long fractions). */
export function clampShare(share: number): number {
  if (!Number.isFinite(share)) return DETAIL_SHARE.initial
  const bounded = Math.min(DETAIL_SHARE.max, Math.max(DETAIL_SHARE.min, share))
  return Math.round(bounded * 1000) / 1000
}

/** The share kept last time, or the initial one (no storage, nothing kept, or a damaged value). */
export function readDetailShare(): number {
  try {
    const stored = globalThis.localStorage?.getItem(STORAGE_KEY)
    return stored ? clampShare(Number(stored)) : DETAIL_SHARE.initial
  } catch {
    return DETAIL_SHARE.initial
  }
}

export function writeDetailShare(share: number): void {
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, String(share))
  } catch {
    // Full or unavailable storage: the width still applies until the page is reloaded.
  }
}
