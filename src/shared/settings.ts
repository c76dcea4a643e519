import { z } from 'zod'

export const themes = ['system', 'light', 'dark'] as const
export type Theme = (typeof themes)[number]

export const retentionKinds = ['events', 'messages', 'attempts', 'requests', 'check_runs'] as const
export type RetentionKind = (typeof retentionKinds)[number]

/** null means "no limit" for that dimension. */
export const RetentionLimitSchema = z.strictObject({
  max_age_days: z.number().positive().nullable(),
  max_count: z.number().int().positive().nullable(),
})
export type RetentionLimit = z.output<typeof RetentionLimitSchema>

/** A week of busy webhook traffic fits comfortably; older history is dropped segment by segment. */
const defaultRetentionLimit = (): RetentionLimit => ({ max_age_days: 30, max_count: 100_000 })
const retentionLimit = () => RetentionLimitSchema.default(defaultRetentionLimit)

export const RetentionSchema = z.strictObject({
  events: retentionLimit(),
  messages: retentionLimit(),
  attempts: retentionLimit(),
  requests: retentionLimit(),
  /**
   * Endpoint check runs; a config.json from before them gets this default. Fewer than the others:
   * a run keeps every request it sent, the 256 KB large-payload body among them.
   */
  check_runs: RetentionLimitSchema.default(() => ({ max_age_days: 30, max_count: 1_000 })),
})
export type Retention = z.output<typeof RetentionSchema>

export const DEFAULT_MAX_AUTO_CREATED_BINS = 300
const MaxAutoCreatedBinsSchema = z.number().int().min(0).max(100_000)

/** User settings, stored in the configuration file and edited on the Settings page. */
export const SettingsSchema = z.strictObject({
  theme: z.enum(themes).default('system'),
  notifications: z.boolean().default(true),
  retention: RetentionSchema.default(() => RetentionSchema.parse({})),
  /** A request to /hooks/<unknown name>/ creates that bin, as request bins do. */
  auto_create_bins: z.boolean().default(true),
  /**
   * At most this many bins created on first use (bins made in Hookbench do not count): anyone
   * who can reach the receiver can name a new bin, and each one is kept in config.json.
   */
  max_auto_created_bins: MaxAutoCreatedBinsSchema.default(DEFAULT_MAX_AUTO_CREATED_BINS),
})
export type Settings = z.output<typeof SettingsSchema>

/** PATCH merges at every level: `{retention: {messages: {max_age_days: 7}}}` changes that one limit. */
const RetentionLimitPatchSchema = RetentionLimitSchema.partial()
export const UpdateSettingsInputSchema = z.strictObject({
  theme: z.enum(themes).optional(),
  notifications: z.boolean().optional(),
  retention: z
    .strictObject({
      events: RetentionLimitPatchSchema.optional(),
      messages: RetentionLimitPatchSchema.optional(),
      attempts: RetentionLimitPatchSchema.optional(),
      requests: RetentionLimitPatchSchema.optional(),
      check_runs: RetentionLimitPatchSchema.optional(),
    })
    .optional(),
  auto_create_bins: z.boolean().optional(),
  max_auto_created_bins: MaxAutoCreatedBinsSchema.optional(),
})
export type UpdateSettingsInput = z.output<typeof UpdateSettingsInputSchema>

const KindStatsSchema = z.object({
  records: z.number().int(),
  segments: z.number().int(),
  bytes: z.number().int(),
  /**
   * Lines of this kind's log that did not hold a valid record (not JSON, or a value that fails its
   * schema), moved byte for byte into these files beside the segments; they stay until deleted.
   */
  damaged: z.object({
    lines: z.number().int(),
    files: z.array(z.string()),
  }),
})
export const StorageStatsSchema = z.object({
  data_dir: z.string(),
  /** Where secrets are encrypted at rest: the OS keychain (desktop) or a 0600 key file (headless). */
  secrets: z.enum(['key-file', 'os-keychain']),
  kinds: z.object({
    events: KindStatsSchema,
    messages: KindStatsSchema,
    attempts: KindStatsSchema,
    requests: KindStatsSchema,
    check_runs: KindStatsSchema,
  }),
})
export type StorageStats = z.infer<typeof StorageStatsSchema>
