import { z } from 'zod'
import { subscriptionProfiles } from '../shared/domain/subscription.ts'
import { badArguments, invalidOption, type OptionTable, type OptionValues, stringOption } from './options.ts'

/**
 * `hookbench check <url>`: the arguments only. The checks themselves are core's (runChecks), so
 * reading the arguments loads none of it.
 */
export const CHECK_OPTIONS = {
  profile: { type: 'string' },
  secret: { type: 'string' },
  basic: { type: 'string' },
  bearer: { type: 'string' },
  'timeout-ms': { type: 'string' },
  only: { type: 'string' },
  json: { type: 'boolean' },
  junit: { type: 'string' },
} as const satisfies OptionTable

export const CHECK_USAGE = `Usage: hookbench check <url> [options]

Checks a webhook endpoint the way a careful reviewer would: sends it deliveries that are valid,
forged, replayed, duplicated, late, large or of unknown types, and says what it answered to each.
Needs no running Hookbench. Exit 0 when every "must" check passes, 1 when one fails, 2 for bad
arguments.

Options:
  --profile <name>     the sender's dialect: standard, iam, rustici, quicklysign or contensis
                       (default standard): its body shapes and its own requirements
  --secret <whsec_…>   the endpoint's Standard Webhooks secret; without it the signature checks
                       are skipped and deliveries go unsigned
  --basic <user:pass>  Basic credentials to send (Rustici: also checks they are required)
  --bearer <token>     a bearer token to send instead
  --timeout-ms <n>     how long to wait for each answer (default 15000)
  --only <id,id>       run only these checks
  --json               print the report as JSON instead of one line per check
  --junit <file>       also write the report as JUnit XML, for CI
  -h, --help           show this help
`

const bearerToken = z
  .string()
  .regex(/^[\x21-\x7e]+$/, 'a token is printable characters without spaces')
  .transform((token) => ({ scheme: 'bearer' as const, token }))

const basicCredentials = z
  .string()
  .regex(/^[^:]*:/, 'give user:password')
  .refine((text) => !/[\r\n\0]/.test(text), 'no line breaks')
  .transform((text) => {
    const colon = text.indexOf(':')
    return { scheme: 'basic' as const, username: text.slice(0, colon), password: text.slice(colon + 1) }
  })

export const CheckOptionsSchema = z.object({
  url: z
    .string()
    .refine((url) => /^https?:\/\/./.test(url) && URL.canParse(url), 'give an http:// or https:// URL'),
  profile: z.enum(subscriptionProfiles).default('standard'),
  secret: z
    .string()
    .regex(/^whsec_[A-Za-z0-9+/]+={0,2}$/, 'a Standard Webhooks secret looks like whsec_<base64>')
    .optional(),
  basic: basicCredentials.optional(),
  bearer: bearerToken.optional(),
  timeoutMs: z
    .string()
    .regex(/^\d{1,7}$/, 'a whole number of milliseconds')
    .transform(Number)
    .pipe(z.number().min(100, 'at least 100 ms').max(300_000, 'at most 300000 ms (5 minutes)'))
    .optional(),
  only: z
    .string()
    .transform((list) => list.split(',').map((id) => id.trim()))
    .refine((ids) => ids.every((id) => id !== ''), 'give check ids separated by commas')
    .optional(),
  json: z.boolean(),
  junit: z.string().min(1, 'give a file').optional(),
})
export type CheckArgs = z.output<typeof CheckOptionsSchema>

const FLAGS: Record<string, string> = {
  url: 'url',
  profile: '--profile',
  secret: '--secret',
  basic: '--basic',
  bearer: '--bearer',
  timeoutMs: '--timeout-ms',
  only: '--only',
  junit: '--junit',
}

export function parseCheckCommand(
  values: OptionValues,
  rest: string[],
): { kind: 'check'; options: CheckArgs } {
  if (rest.length === 0) throw badArguments('check needs the URL of the endpoint to check.', CHECK_USAGE)
  if (rest.length > 1) throw badArguments(`Unexpected argument "${rest[1]}".`, CHECK_USAGE)
  const parsed = CheckOptionsSchema.safeParse({
    url: rest[0],
    profile: stringOption(values.profile),
    secret: stringOption(values.secret),
    basic: stringOption(values.basic),
    bearer: stringOption(values.bearer),
    timeoutMs: stringOption(values['timeout-ms']),
    only: stringOption(values.only),
    json: values.json === true,
    junit: stringOption(values.junit),
  })
  if (!parsed.success) {
    const error = invalidOption(parsed.error, FLAGS)
    throw badArguments(error.message, CHECK_USAGE)
  }
  if (parsed.data.basic && parsed.data.bearer) {
    throw badArguments('Give --basic or --bearer, not both.', CHECK_USAGE)
  }
  return { kind: 'check', options: parsed.data }
}
