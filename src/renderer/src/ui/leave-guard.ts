import { createContext, useContext } from 'react'

/**
 * Runs `leave` (close the side editor, open another item, go to another page) once the user agrees
 * to lose the form's unsaved edits; at once when there are none. ListEditorPage provides it; outside
 * one, nothing is guarded.
 */
export type ConfirmLeave = (leave: () => void) => void

export const LeaveGuard = createContext<ConfirmLeave>((leave) => leave())

export function useConfirmLeave(): ConfirmLeave {
  return useContext(LeaveGuard)
}
