import { z } from 'zod'
import { AuthConfigSchema } from '../../../shared/domain/auth-config.ts'
import { QuicklySignClientSchema } from '../../../shared/domain/emulator-client.ts'
import { OAuthClientSchema } from '../../../shared/domain/oauth-client.ts'
import { SubscriptionSchema } from '../../../shared/domain/subscription.ts'
import { StoredBinSchema } from '../../../shared/receiver/bin.ts'
import { SettingsSchema } from '../../../shared/settings.ts'

export type {
  Retention,
  RetentionKind,
  RetentionLimit,
  Settings,
  Theme,
} from '../../../shared/settings.ts'

/**
 * The configuration file, version 1. Top level and settings are strict: an unknown key (a typo in
 * a hand edit, a bug in an update) is refused by name rather than silently dropped on the next write.
 */

/** API clients (mock OAuth server, QuicklySign emulator): secrets sealed, client_id unique. */
const clients = <T extends z.ZodType<{ client_id: string }>>(item: T) =>
  z
    .array(item)
    .default(() => [])
    .superRefine(uniqueClientIds)

const EmulatorClientsSchema = z.strictObject({
  quicklysign: clients(QuicklySignClientSchema),
})

export const ConfigSchema = z.strictObject({
  schema_version: z.literal(1),
  subscriptions: z.array(SubscriptionSchema).default(() => []),
  auth_configs: z.array(AuthConfigSchema).default(() => []),
  // Bins: names unique, secrets sealed.
  bins: z
    .array(StoredBinSchema)
    .default(() => [])
    .superRefine(uniqueBinNames),
  oauth_clients: clients(OAuthClientSchema),
  emulator_clients: EmulatorClientsSchema.default(() => EmulatorClientsSchema.parse({})),
  settings: SettingsSchema.default(() => SettingsSchema.parse({})),
})
export type Config = z.output<typeof ConfigSchema>

/** Two bins with one name would make `/hooks/<name>/` ambiguous. */
function uniqueBinNames(bins: ReadonlyArray<{ name: string }>, ctx: z.RefinementCtx): void {
  const seen = new Set<string>()
  for (const [index, bin] of bins.entries()) {
    if (seen.has(bin.name)) {
      ctx.addIssue({ code: 'custom', path: [index, 'name'], message: `bin name "${bin.name}" is used twice` })
    }
    seen.add(bin.name)
  }
}

/** Two clients with one client_id would make authentication ambiguous. */
function uniqueClientIds(clients: ReadonlyArray<{ client_id: string }>, ctx: z.RefinementCtx): void {
  const seen = new Set<string>()
  for (const [index, client] of clients.entries()) {
    if (seen.has(client.client_id)) {
      ctx.addIssue({
        code: 'custom',
        path: [index, 'client_id'],
        message: `client_id "${client.client_id}" is used twice`,
      })
    }
    seen.add(client.client_id)
  }
}

/** What a fresh data dir starts with. */
export function defaultConfig(): Config {
  return ConfigSchema.parse({ schema_version: 1 })
}
