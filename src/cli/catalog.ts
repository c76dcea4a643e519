import { z } from 'zod'
import { type ApiTarget, CommandFailed, requestJson } from './api-client.ts'
import { closeMatches } from './close-matches.ts'

/**
 * The catalog as `GET /api/event-types` answers it, read loosely (fields the CLI does not use
 * are ignored, a profile it does not know is fine), so a newer Hookbench still works with it.
 */
const CatalogSchema = z.object({
  profiles: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      event_types: z.array(z.object({ topic: z.string(), example: z.json() })),
    }),
  ),
})
export type Catalog = z.infer<typeof CatalogSchema>
export type CatalogProfile = Catalog['profiles'][number]
export type CatalogEventType = CatalogProfile['event_types'][number]

export async function loadCatalog(target: ApiTarget): Promise<Catalog> {
  return (await requestJson(target, 'GET', '/api/event-types', CatalogSchema)).value
}

export function findTopic(
  catalog: Catalog,
  topic: string,
): { profile: CatalogProfile; type: CatalogEventType } | null {
  for (const profile of catalog.profiles) {
    const type = profile.event_types.find((each) => each.topic === topic)
    if (type) return { profile, type }
  }
  return null
}

/** A topic the catalog does not know, with no --data to send: there is no example to fall back on. */
export function unknownTopic(topic: string, catalog: Catalog): CommandFailed {
  const topics = catalog.profiles.flatMap((profile) => profile.event_types.map((type) => type.topic))
  const matches = closeMatches(topic, topics)
  const lines = [`"${topic}" is not in the event catalog, so it has no example payload to send.`]
  if (matches.length > 0) lines.push(`Did you mean: ${matches.join(', ')}?`)
  lines.push(
    `Pass --data to send it anyway; the Events page or GET /api/event-types lists all ${topics.length} topics.`,
  )
  return new CommandFailed(lines.join('\n'), 2)
}
