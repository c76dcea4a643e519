import { z } from 'zod'
import { subscriptionProfiles } from './subscription.ts'

/**
 * Endpoint checks run from the API and the UI (`hookbench check` runs the same checks without
 * storing them): what a run is asked for, what it reports as it goes, and what history keeps.
 * The report's fields are a contract shared with `hookbench check --json`.
 */

export const CheckLevelSchema = z.enum(['must', 'should'])
export type CheckLevel = z.infer<typeof CheckLevelSchema>

const HeaderListSchema = z.array(z.tuple([z.string(), z.string()]))

export const CheckRequestSchema = z.object({
  method: z.literal('POST'),
  url: z.string(),
  /** In the order sent; credentials (Authorization) as `••••`. */
  headers: HeaderListSchema,
  body: z.string(),
})
export type CheckRequest = z.infer<typeof CheckRequestSchema>

export const CheckResponseSchema = z.object({
  status: z.number().int(),
  headers: HeaderListSchema,
  /** The first 64 KB. */
  body: z.string(),
  ms: z.number(),
})
export type CheckResponse = z.infer<typeof CheckResponseSchema>

export const CheckResultSchema = z.object({
  id: z.string(),
  title: z.string(),
  level: CheckLevelSchema,
  /** null: skipped (`observed` says why). */
  ok: z.boolean().nullable(),
  expected: z.string(),
  observed: z.string(),
  /** The request that decided the check (the second of two for duplicates and out-of-order). */
  request: CheckRequestSchema.nullable(),
  response: CheckResponseSchema.nullable(),
  /** Why no answer came (connection refused, timed out…). */
  error: z.string().nullable(),
})
export type CheckResult = z.infer<typeof CheckResultSchema>

export const CheckNeedSchema = z.enum(['secret', 'credentials'])

/** A check as it is before it runs: for the form's list and a run's plan. */
export const CheckDefinitionSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  level: CheckLevelSchema,
  /** Skipped, saying why, when the run lacks one of these. */
  needs: z.array(CheckNeedSchema),
  /** The profiles it applies to (vendor requirements apply to one vendor). */
  profiles: z.array(z.enum(subscriptionProfiles)),
})
export type CheckDefinitionSummary = z.infer<typeof CheckDefinitionSummarySchema>

export const ListCheckDefinitionsInputSchema = z.strictObject({
  profile: z.enum(subscriptionProfiles).optional(),
})
export const ListCheckDefinitionsOutputSchema = z.object({ items: z.array(CheckDefinitionSummarySchema) })

/** Longest per-request timeout a run accepts: ten minutes. */
export const MAX_CHECK_TIMEOUT_MS = 600_000

/** What the user gives a run; the same as `hookbench check`'s options. */
const CheckCredentialsFields = {
  /** The endpoint's Standard Webhooks secret (`whsec_…`); the signature checks are skipped without it. */
  secret: z.string().max(1024).nullish(),
  /** `user:password`, sent as Basic with every request. */
  basic: z.string().max(1024).includes(':', { message: 'Basic credentials are user:password.' }).nullish(),
  /** Sent as `Authorization: Bearer …` with every request. */
  bearer: z.string().min(1).max(4096).nullish(),
}

export const StartCheckRunInputSchema = z
  .strictObject({
    url: z.string().min(1).max(8192),
    profile: z.enum(subscriptionProfiles).default('standard'),
    ...CheckCredentialsFields,
    timeout_ms: z.number().int().min(1).max(MAX_CHECK_TIMEOUT_MS).optional(),
    /** Only these check ids (in the usual order); every check of the profile when absent. */
    only: z.array(z.string().min(1).max(100)).min(1).max(100).optional(),
    /** The subscription the form was filled from ("Check this endpoint"), kept with the run. */
    subscription_id: z.string().max(200).nullish(),
  })
  .refine((input) => !(input.basic && input.bearer), {
    message: 'Give Basic or bearer credentials, not both.',
    path: ['bearer'],
  })
export type StartCheckRunInput = z.input<typeof StartCheckRunInputSchema>

export const StartCheckRunOutputSchema = z.object({ check_run_id: z.string() })

export const checkRunStatuses = ['running', 'finished', 'cancelled', 'failed'] as const
export const CheckRunStatusSchema = z.enum(checkRunStatuses)
export type CheckRunStatus = z.infer<typeof CheckRunStatusSchema>

/** A run without its checks' requests and responses: lists and the live stream carry this. */
export const CheckRunSummarySchema = z.object({
  check_run_id: z.string(),
  url: z.string(),
  profile: z.enum(subscriptionProfiles),
  status: CheckRunStatusSchema,
  started_at: z.iso.datetime(),
  /** null while running. */
  finished_at: z.iso.datetime().nullable(),
  passed: z.number().int(),
  failed: z.number().int(),
  skipped: z.number().int(),
  /** Checks planned in all (results come in one by one). */
  total: z.number().int(),
  /** True when no `must` check failed (so far). */
  must_passed: z.boolean(),
  /** The check running now, null when none is. */
  running_check_id: z.string().nullable(),
  subscription_id: z.string().nullable(),
  /** Why the run stopped early (status failed), e.g. Hookbench closed while it ran. */
  error: z.string().nullable(),
})
export type CheckRunSummary = z.infer<typeof CheckRunSummarySchema>

/**
 * `GET /api/checks/{id}`: the report of `hookbench check --json` (url, profile, started_at,
 * finished_at, passed, failed, skipped, checks) with the run's state around it.
 */
export const CheckRunSchema = CheckRunSummarySchema.extend({
  /** Every check of the run, in order, with what it will need. */
  planned: z.array(CheckDefinitionSummarySchema.pick({ id: true, title: true, level: true })),
  checks: z.array(CheckResultSchema),
  timeout_ms: z.number().int(),
  /** Whether the run has a signing secret / credentials (kept sealed, for reruns; never shown). */
  has_secret: z.boolean(),
  credentials: z.enum(['basic', 'bearer']).nullable(),
})
export type CheckRun = z.infer<typeof CheckRunSchema>

export const ListCheckRunsInputSchema = z.strictObject({
  subscription_id: z.string().optional(),
  cursor: z.string().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
})
export const ListCheckRunsOutputSchema = z.object({
  items: z.array(CheckRunSummarySchema),
  next_cursor: z.string().nullable(),
  total: z.number().int(),
})

/** No `reveal`: a run's secret and credentials are never shown (requests carry them as `••••`). */
export const GetCheckRunInputSchema = z.strictObject({ check_run_id: z.string().min(1) })

/**
 * Runs one check of a run again, in place: its result is replaced when the new one is known.
 * The run's sealed secret and credentials are used unless new ones are given (a run imported
 * without secrets has none).
 */
export const RerunCheckInputSchema = z
  .strictObject({
    check_run_id: z.string().min(1),
    check_id: z.string().min(1),
    ...CheckCredentialsFields,
  })
  .refine((input) => !(input.basic && input.bearer), {
    message: 'Give Basic or bearer credentials, not both.',
    path: ['bearer'],
  })

export const CancelCheckRunInputSchema = z.strictObject({ check_run_id: z.string().min(1) })
