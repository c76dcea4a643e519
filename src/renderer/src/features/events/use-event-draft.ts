import { useMemo } from 'react'
import { useAppStore } from '../../state/index.ts'
import { type SelectedTopic, topicKey } from './catalog-view.ts'
import { defaultFields } from './event-fields.ts'
import type { EventDraft } from './events-slice.ts'

/** The example as the editor first shows it. */
export function exampleDraft({ profile, eventType }: SelectedTopic): EventDraft {
  return {
    text: JSON.stringify(eventType.example, null, 2),
    fields: defaultFields(profile, eventType.example),
  }
}

/** A topic's payload as edited so far, or its example; and whether it was edited. */
export function useEventDraft(selected: SelectedTopic): { key: string; draft: EventDraft; edited: boolean } {
  const key = topicKey(selected.profile, selected.eventType)
  const stored = useAppStore((state) => state.eventDrafts[key])
  const example = useMemo(() => exampleDraft(selected), [selected])
  return { key, draft: stored ?? example, edited: stored !== undefined }
}
