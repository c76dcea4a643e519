import type { ContensisTopicFilter } from '../../../../../shared/domain/subscription.ts'

/** The list fields of Contensis's filter object, in the order its documentation shows them. */
export const filterListFields = [
  'event',
  'language',
  'contentTypeId',
  'workflowEvent',
  'workflowState',
] as const
export type FilterListField = (typeof filterListFields)[number]

export const filterFieldHints: Record<FilterListField | 'owner' | 'resourceType', string> = {
  resourceType: 'entry or contentType',
  event: 'created, updated, published…',
  language: 'en-GB, fr-fr',
  contentTypeId: 'blog, news',
  owner: 'a username, e.g. t.durden',
  workflowEvent: 'contensisentrybasic.draft.submit',
  workflowState: 'contensisentryapproval.awaitingApproval',
}

/** "entry · created, updated · fr-fr · owner t.durden": a filter in one line, for its chip. */
export function describeFilter(filter: ContensisTopicFilter): string {
  const parts: string[] = [filter.resourceType]
  for (const field of filterListFields) {
    const list = filter[field]
    if (list && list.length > 0)
      parts.push(field === 'event' ? list.join(', ') : `${field}: ${list.join(', ')}`)
  }
  if (filter.owner) parts.push(`owner ${filter.owner}`)
  return parts.join(' · ')
}

export function listOf(text: string): string[] | undefined {
  const items = text
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean)
  return items.length > 0 ? items : undefined
}
