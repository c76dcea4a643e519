import { z } from 'zod'
import { AuthConfigSchema } from '../../../../shared/domain/auth-config.ts'
import { SubscriptionSchema } from '../../../../shared/domain/subscription.ts'
import { SettingsSchema } from '../../../../shared/settings.ts'

export type {
  Retention,
  RetentionKind,
  RetentionLimit,
  Settings,
  Theme,
} from '../../../../shared/settings.ts'

/**
 * The configuration file, version 1. Top level and settings are strict: an unknown key (a typo in
 * a hand edit, a bug in an update) is refused by name rather than silently dropped on the next write.
 */

/** Collections hold objects with an id; the delivery and receiver issues will tighten each one. */
const StoredEntitySchema = z.looseObject({ id: z.string() })
export type StoredEntity = z.output<typeof StoredEntitySchema>

const collection = () => z.array(StoredEntitySchema).default(() => [])

const EmulatorClientsSchema = z.strictObject({
  quicklysign: collection(),
})

export const ConfigSchema = z.strictObject({
  schema_version: z.literal(1),
  subscriptions: z.array(SubscriptionSchema).default(() => []),
  auth_configs: z.array(AuthConfigSchema).default(() => []),
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
