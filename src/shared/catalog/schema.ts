import { z } from 'zod'

/**
 * The four vendors whose webhooks Hookbench sends and whose management APIs it emulates.
 * `standard` (Standard Webhooks) is not a vendor: it is a subscription profile of the delivery engine.
 */
export const profileIds = ['rustici', 'quicklysign', 'contensis', 'iam'] as const
export const ProfileIdSchema = z.enum(profileIds)
export type ProfileId = z.infer<typeof ProfileIdSchema>

export const EventTypeSchema = z.object({
  /** The topic as the system names it: `JOB_PROCESSED`, `entity_updated`, `entry.created`, `user.created`. */
  topic: z.string().min(1),
  description: z.string(),
  /** An example `data` for `POST /api/events {topic, data}`, taken from or consistent with the vendor's document. */
  example: z.json(),
})
export type EventType = z.infer<typeof EventTypeSchema>

export const ProfileSchema = z.object({
  id: ProfileIdSchema,
  /** Display name of the system, e.g. "Rustici Generator". */
  name: z.string(),
  description: z.string(),
  /** The vendor's webhook document this profile is built from, by its title. */
  source: z.string(),
  /**
   * Deprecated: the file name under which that document was first handed to the project. Kept in
   * `GET /api/event-types` for clients that read it; it means nothing to users (read `source`).
   */
  seed: z.string(),
  /** Which HTTP answers count as a successful delivery. */
  success_rule: z.enum(['2xx', 'exactly-200']),
  event_types: z.array(EventTypeSchema).min(1),
})
export type Profile = z.infer<typeof ProfileSchema>

export const ListEventTypesInputSchema = z.object({ profile: ProfileIdSchema.optional() }).strict()
export const ListEventTypesOutputSchema = z.object({ profiles: z.array(ProfileSchema) })
export type ListEventTypesOutput = z.infer<typeof ListEventTypesOutputSchema>
