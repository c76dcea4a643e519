import type { ContensisTopicFilter } from './subscription.ts'

/**
 * Contensis's topic filter against an event (`entry.created` with Contensis's entry model as data):
 * every list narrows, an absent list matches anything; contentTypeId, language and owner are read
 * from `resource.sys`, workflowEvent and workflowState from the data. Shared by the delivery
 * engine and the subscription editor's preview, so both say the same thing.
 */
export function contensisFilterMatches(
  filter: ContensisTopicFilter,
  event: { topic: string; data: unknown },
): boolean {
  const [resourceType, eventName] = event.topic.split('.')
  const data = (event.data ?? {}) as Record<string, unknown>
  const sys = ((data.resource as Record<string, unknown> | undefined)?.sys ?? {}) as Record<string, unknown>
  const within = (list: string[] | undefined, value: unknown) =>
    list === undefined ||
    (typeof value === 'string' && list.some((item) => item.toLowerCase() === value.toLowerCase()))
  return (
    filter.resourceType === resourceType &&
    within(filter.event, eventName) &&
    within(filter.language, sys.language) &&
    within(filter.contentTypeId, sys.contentTypeId) &&
    (filter.owner === undefined || filter.owner === sys.owner) &&
    within(filter.workflowEvent, data.workflowEvent) &&
    within(filter.workflowState, data.workflowState)
  )
}
