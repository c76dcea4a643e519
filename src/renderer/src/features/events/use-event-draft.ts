import { useAppStore } from '../../state/index.ts'
import type { EventDraft } from './events-slice.ts'
import type { SendTarget } from './send-target.ts'

// The palette sends the selected topic's example from here.
export { exampleDraft } from './send-target.ts'

/** A topic's payload as edited so far, or its example; and whether it was edited. */
export function useEventDraft(target: SendTarget): { draft: EventDraft; edited: boolean } {
  const stored = useAppStore((state) => state.eventDrafts[target.key])
  return { draft: stored ?? target.example, edited: stored !== undefined }
}
