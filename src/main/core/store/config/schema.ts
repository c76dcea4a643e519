import { z } from 'zod'

/**
 * The configuration file, version 1. Top level and settings are strict: an unknown key (a typo in
 * a hand edit, a bug in an update) is refused by name rather than silently dropped on the next write.
 */

/** Collections hold objects with an id; the delivery and receiver issues will tighten each one. */
const StoredEntitySchema = z.looseObject({ id: z.string() })
export type StoredEntity = z.output<typeof StoredEntitySchema>

const collection = () => z.array(StoredEntitySchema).default(() => [])

export const themes = ['system', 'light', 'dark'] as const
export type Theme = (typeof themes)[number]

/** null means "no limit" for that dimension. */
const RetentionLimitSchema = z.strictObject({
  max_age_days: z.number().positive().nullable(),
  max_count: z.number().int().positive().nullable(),
})
export type RetentionLimit = z.output<typeof RetentionLimitSchema>

export const retentionKinds = ['events', 'messages', 'attempts', 'requests'] as const
export type RetentionKind = (typeof retentionKinds)[number]

/** A week of busy webhook traffic fits comfortably; older history is dropped segment by segment. */
const defaultRetentionLimit = (): RetentionLimit => ({ max_age_days: 30, max_count: 100_000 })
const retentionLimit = () => RetentionLimitSchema.default(defaultRetentionLimit)

const RetentionSchema = z.strictObject({
  events: retentionLimit(),
  messages: retentionLimit(),
  attempts: retentionLimit(),
  requests: retentionLimit(),
})
export type Retention = z.output<typeof RetentionSchema>

const SettingsSchema = z.strictObject({
  theme: z.enum(themes).default('system'),
  notifications: z.boolean().default(true),
  retention: RetentionSchema.default(() => RetentionSchema.parse({})),
})
export type Settings = z.output<typeof SettingsSchema>

const EmulatorClientsSchema = z.strictObject({
  quicklysign: collection(),
})

export const ConfigSchema = z.strictObject({
  schema_version: z.literal(1),
  subscriptions: collection(),
  auth_configs: collection(),
  bins: collection(),
  oauth_clients: collection(),
  emulator_clients: EmulatorClientsSchema.default(() => EmulatorClientsSchema.parse({})),
  settings: SettingsSchema.default(() => SettingsSchema.parse({})),
})
export type Config = z.output<typeof ConfigSchema>

/** What a fresh data dir starts with. */
export function defaultConfig(): Config {
  return ConfigSchema.parse({ schema_version: 1 })
}
