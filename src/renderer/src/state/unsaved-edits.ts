/**
 * The forms that hold edits not saved yet, and the one question asked before they are thrown away.
 * A form holds its edits while it is shown (ui/ConfirmDiscard.tsx's DiscardGuard); whatever would
 * leave it — a close button, another item, a link, the palette, back/forward (location-guard.ts) —
 * goes through confirmLeave, which lets the form ask, and leaves once the user discards the edits.
 */

export interface EditHolder {
  /** Read when a leave is asked for, so it is always the form's latest state. */
  unsaved: () => boolean
  /** The form is still shown at this address (a hash): going there loses nothing. */
  staysOn: (hash: string) => boolean
  /** Asks the user; calls `leave` if they discard the edits, nothing if they keep editing. */
  ask: (leave: () => void) => void
}

const holders = new Set<EditHolder>()

/** Registers a form's edits; returns the function that lets go of them (the form closed). */
export function holdEdits(holder: EditHolder): () => void {
  holders.add(holder)
  return () => {
    holders.delete(holder)
  }
}

/** The form whose unsaved edits going to `hash` (or leaving the form, without one) would lose. */
function holderAtStake(hash: string | null): EditHolder | undefined {
  return [...holders].find((holder) => holder.unsaved() && !(hash !== null && holder.staysOn(hash)))
}

export function hasUnsavedEdits(hash: string | null = null): boolean {
  return holderAtStake(hash) !== undefined
}

/**
 * Runs `leave` at once when it loses no unsaved edits; otherwise once the user agrees to discard
 * them. `hash`: where leaving goes, when it is a change of address.
 */
export function confirmLeave(leave: () => void, hash: string | null = null): void {
  const holder = holderAtStake(hash)
  if (holder) holder.ask(leave)
  else leave()
}
