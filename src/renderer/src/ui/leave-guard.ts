import { confirmLeave } from '../state/unsaved-edits.ts'

/**
 * Runs `leave` (close the side editor, open another item, go to another page) once the user agrees
 * to lose the unsaved edits of the form shown (a DiscardGuard holds them); at once when there are none.
 */
export type ConfirmLeave = (leave: () => void) => void

export function useConfirmLeave(): ConfirmLeave {
  return confirmLeave
}
