import { z } from 'zod'
import { catalog } from '../catalog/index.ts'
import { HeaderValueSchema, RequestHeaderNameSchema } from '../http-headers.ts'
import { httpUrlProblem } from '../http-url.ts'
import { REDACTED } from '../redacted.ts'
import { DEFAULT_RETRY_SCHEDULE, DEFAULT_TIMEOUT_MS } from '../retry.ts'
import { fillPlaceholders } from '../templating.ts'

export const subscriptionProfiles = ['rustici', 'quicklysign', 'contensis', 'iam', 'standard'] as const
export type SubscriptionProfile = (typeof subscriptionProfiles)[number]

/** A plain string, or Contensis's map of locale → string. */
export const LocalizedTextSchema = z.union([z.string(), z.record(z.string().min(1), z.string())])
export type LocalizedText = z.output<typeof LocalizedTextSchema>

/** Contensis's topic filter object; every list narrows, an absent list matches anything. */
export const ContensisTopicFilterSchema = z.strictObject({
  resourceType: z.string().min(1),
  event: z.array(z.string().min(1)).optional(),
  language: z.array(z.string().min(1)).optional(),
  contentTypeId: z.array(z.string().min(1)).optional(),
  owner: z.string().min(1).optional(),
  workflowEvent: z.array(z.string().min(1)).optional(),
  workflowState: z.array(z.string().min(1)).optional(),
})
export type ContensisTopicFilter = z.output<typeof ContensisTopicFilterSchema>
export const TopicFilterSchema = z.union([z.string().min(1), ContensisTopicFilterSchema])
export type TopicFilter = z.output<typeof TopicFilterSchema>

/** Contensis-style headers: `{value}`, or `{value, secret: true}` whose value is write-only. */
export const HeaderInputSchema = z.strictObject({
  value: HeaderValueSchema.optional(),
  secret: z.boolean().optional(),
})

/** Headers sent with every delivery: names and values that can be sent, none the HTTP client sets. */
const HeadersInputSchema = z.record(RequestHeaderNameSchema, HeaderInputSchema)

/**
 * Where deliveries go. Templates (`{/resource/sys/id}`) render per event, so the URL is checked
 * with each one standing for a short value: a templated URL is valid when its fixed parts are.
 */
const SubscriptionUrlSchema = z
  .string()
  // An empty URL is only "empty": the other rules would just repeat it.
  .min(1, { abort: true })
  .superRefine((url, ctx) => {
    const problem = httpUrlProblem(fillPlaceholders(url, '1'))
    if (problem) ctx.addIssue({ code: 'custom', message: `url ${problem}` })
  })

/**
 * As stored before URLs and headers were checked this closely: such a subscription still loads,
 * and a PATCH that does not touch its URL or headers still applies.
 */
const StoredUrlSchema = z
  .string()
  .min(1)
  .regex(/^https?:\/\//i, 'url must start with http:// or https://')
const StoredHeadersSchema = z.record(
  z.string(),
  z.object({ value: z.string().optional(), secret: z.boolean().optional() }),
)

/**
 * null: unsigned; `{}`: generate a secret; `{secret}`: use this one; `{secret: "••••"}` (a GET
 * body sent back): keep the current one. `previous` is read-only: rotation manages it.
 */
export const SigningInputSchema = z
  .strictObject({
    secret: z
      .union([
        z.literal(REDACTED),
        z
          .string()
          .regex(/^whsec_[A-Za-z0-9+/]+={0,2}$/, 'a Standard Webhooks secret looks like whsec_<base64>'),
      ])
      .optional(),
    previous: z.array(z.unknown()).optional(),
  })
  .nullable()

const notBlank = (text: string) => text.trim() !== ''
/** A name people can tell apart in a list: not empty or blank, in any locale. */
const NameSchema = z.union([
  z.string().refine(notBlank, 'must not be blank'),
  z
    .record(z.string().min(1), z.string().refine(notBlank, 'must not be blank'))
    .refine((names) => Object.keys(names).length > 0, 'needs a name in at least one locale'),
])

const SubscriptionFieldsSchema = z.strictObject({
  name: NameSchema,
  description: LocalizedTextSchema.optional(),
  url: SubscriptionUrlSchema,
  enabled: z.boolean().default(true),
  profile: z.enum(subscriptionProfiles).default('standard'),
  topics: z.array(TopicFilterSchema).default([]),
  entity_key: z.string().min(1).nullable().optional(),
  tenant_id: z.string().min(1).nullable().optional(),
  headers: HeadersInputSchema.default({}),
  templates: z.record(z.string().min(1), z.json()).default({}),
  auth_config_id: z.string().min(1).nullable().default(null),
  signing: SigningInputSchema.default(null),
  retry_schedule: z
    .array(
      z
        .number()
        .min(0)
        .max(7 * 86_400),
    )
    .min(1)
    .max(50)
    .default([...DEFAULT_RETRY_SCHEDULE]),
  timeout_ms: z.number().int().min(100).max(300_000).default(DEFAULT_TIMEOUT_MS),
  /** Deliveries in flight at once for this subscription. */
  concurrency: z.number().int().min(1).max(1024).default(4),
  /** Disable the subscription when every delivery has failed for this long (Svix: 5 days). */
  disable_after_failing_ms: z
    .number()
    .int()
    .min(0)
    .default(5 * 86_400_000),
  /** Compressed time for retries: 3600 runs one hour of schedule per second. */
  time_scale: z.number().min(1).max(1_000_000).default(1),
})

/** Contensis topics are open-ended: any `resourceType.event`, not only the catalog's. */
const CONTENSIS_TOPIC = /^[A-Za-z]+\.[A-Za-z]+$/

/** Each catalog topic's vendor (no topic is in two catalogs); read for every event and subscription. */
const catalogProfileByTopic = new Map(
  catalog.flatMap((profile) => profile.event_types.map((type) => [type.topic, profile] as const)),
)

/** Which vendor's catalog names this topic, or undefined. */
export function catalogProfileOf(topic: string): (typeof catalog)[number] | undefined {
  return catalogProfileByTopic.get(topic)
}

/** The resource types of Contensis's catalog (`entry`, `contentType`). */
const contensisResourceTypes = new Set(
  catalog
    .find((profile) => profile.id === 'contensis')
    ?.event_types.map((type) => type.topic.split('.')[0] ?? ''),
)

/**
 * Whether a topic is one of the profile's own: what a subscription with no topic filter gets. A
 * vendor profile owns its catalog's topics, and Contensis also any other event of its catalog's
 * resource types (`entry.approved`); `standard` owns every topic no vendor owns. So no topic
 * goes to two profiles' unfiltered subscriptions: IAM's `user.created` never reaches Contensis.
 */
export function profileOwnsTopic(profile: SubscriptionProfile, topic: string): boolean {
  return ownerOf(topic) === profile
}

function ownerOf(topic: string): SubscriptionProfile {
  const listed = catalogProfileOf(topic)?.id
  if (listed !== undefined) return listed
  const [resourceType = ''] = topic.split('.')
  return CONTENSIS_TOPIC.test(topic) && contensisResourceTypes.has(resourceType) ? 'contensis' : 'standard'
}

/** Rules that need more than one field: the profile decides which topics and keys make sense. */
function checkProfileRules(
  input: { profile?: SubscriptionProfile; topics?: TopicFilter[]; entity_key?: string | null | undefined },
  ctx: z.RefinementCtx,
): void {
  const profile = input.profile ?? 'standard'
  const known = catalog.find((entry) => entry.id === profile)?.event_types.map((type) => type.topic)
  for (const [index, topic] of (input.topics ?? []).entries()) {
    if (typeof topic !== 'string') {
      if (profile !== 'contensis') {
        ctx.addIssue({
          code: 'custom',
          path: ['topics', index],
          message: 'filter objects are for the contensis profile',
        })
      }
      continue
    }
    if (profile === 'contensis') {
      const other = catalogProfileOf(topic)
      if (!CONTENSIS_TOPIC.test(topic)) {
        ctx.addIssue({
          code: 'custom',
          path: ['topics', index],
          message: 'contensis topics look like resourceType.event',
        })
      } else if (other && other.id !== 'contensis') {
        // It would never arrive: that topic is delivered to the other vendor's subscriptions.
        ctx.addIssue({
          code: 'custom',
          path: ['topics', index],
          message: `"${topic}" is a topic of another system (${other.name}): a contensis subscription never gets it`,
        })
      }
    } else if (known && !known.includes(topic)) {
      ctx.addIssue({
        code: 'custom',
        path: ['topics', index],
        message: `"${topic}" is not a ${profile} topic`,
      })
    }
  }
  if (profile === 'quicklysign' && !input.entity_key) {
    ctx.addIssue({
      code: 'custom',
      path: ['entity_key'],
      message: 'quicklysign subscriptions need the entity_key to watch',
    })
  }
}

export const CreateSubscriptionInputSchema = SubscriptionFieldsSchema.superRefine(checkProfileRules)
export type CreateSubscriptionInput = z.output<typeof CreateSubscriptionInputSchema>

/**
 * PATCH: any subset of the fields. A new URL or headers are checked here; everything else is
 * checked when the handler validates the merged whole (StoredSubscriptionMergeSchema), so errors
 * still name the field — a partial schema would fill in defaults for fields the caller left out.
 * Strict like every other body: an unknown key, `__proto__` included, is refused by name.
 */
export const PatchSubscriptionInputSchema = z.strictObject({
  id: z.string().min(1),
  ...(Object.fromEntries(
    SubscriptionFieldsSchema.keyof().options.map((name) => [name, z.unknown().optional()]),
  ) as { [Field in keyof typeof SubscriptionFieldsSchema.shape]: z.ZodOptional<z.ZodUnknown> }),
  url: SubscriptionUrlSchema.optional(),
  headers: HeadersInputSchema.optional(),
})

/** PUT: the whole subscription. A GET body can be sent back as is: its read-only fields are ignored. */
export const ReplaceSubscriptionInputSchema = SubscriptionFieldsSchema.extend({
  id: z.string().min(1),
  version: z.unknown().optional(),
  disabled_reason: z.unknown().optional(),
}).superRefine(checkProfileRules)

/**
 * A PATCH merged onto the stored subscription: the replace rules, but the URL and headers as the
 * store takes them, so a subscription stored before they were checked this closely can still be
 * disabled or renamed (a new URL or headers were checked by PatchSubscriptionInputSchema).
 */
export const MergedSubscriptionPatchSchema = SubscriptionFieldsSchema.extend({
  id: z.string().min(1),
  url: StoredUrlSchema,
  headers: StoredHeadersSchema,
}).superRefine(checkProfileRules)

export const VersionSchema = z.object({
  created: z.iso.datetime(),
  createdBy: z.string(),
  modified: z.iso.datetime(),
  modifiedBy: z.string(),
  versionNo: z.string(),
})

/** What the API answers. Secret header values and signing secrets are never returned in the clear. */
export const SubscriptionSchema = SubscriptionFieldsSchema.omit({ signing: true }).extend({
  id: z.string(),
  url: StoredUrlSchema,
  headers: StoredHeadersSchema,
  signing: z
    .object({
      secret: z.string(),
      /** Older secrets still signed with during a rotation, until they expire. */
      previous: z.array(z.object({ secret: z.string(), expires_at: z.iso.datetime() })),
    })
    .nullable(),
  disabled_reason: z.string().nullable(),
  version: VersionSchema,
})
export type Subscription = z.output<typeof SubscriptionSchema>

export const RotateSigningInputSchema = z.strictObject({
  id: z.string().min(1),
  /** How long the old secret keeps signing, so receivers can switch over (default 24 h). */
  overlap_ms: z
    .number()
    .int()
    .min(0)
    .max(30 * 86_400_000)
    .default(86_400_000),
})
