import { z } from 'zod'
import { TokenExchangeSchema } from './message.ts'

/**
 * Subscription authentication configs, exactly as Rustici Generator's subscription documentation defines them:
 * BASIC_AUTH must include key and secret; OAUTH_2_CLIENT_CREDENTIALS must include scope and
 * token_url (key and secret are the OAuth client id and secret); NO_AUTH must have null values for
 * all properties.
 */
export const authTypes = ['NO_AUTH', 'BASIC_AUTH', 'OAUTH_2_CLIENT_CREDENTIALS'] as const
export type AuthType = (typeof authTypes)[number]

const nullableText = z.string().nullable().optional()

const AuthConfigFieldsSchema = z.strictObject({
  auth_type: z.enum(authTypes),
  key: nullableText,
  secret: nullableText,
  scope: nullableText,
  token_url: nullableText,
})

function checkAuthRules(input: z.output<typeof AuthConfigFieldsSchema>, ctx: z.RefinementCtx): void {
  const require = (field: 'key' | 'secret' | 'scope' | 'token_url') => {
    const value = input[field]
    if (value === null || value === undefined || value.trim() === '') {
      ctx.addIssue({ code: 'custom', path: [field], message: `${input.auth_type} requires ${field}` })
    }
  }
  switch (input.auth_type) {
    case 'BASIC_AUTH':
      require('key')
      require('secret')
      break
    case 'OAUTH_2_CLIENT_CREDENTIALS':
      require('scope')
      require('token_url')
      if (input.token_url && !/^https?:\/\/\S+$/.test(input.token_url)) {
        ctx.addIssue({ code: 'custom', path: ['token_url'], message: 'token_url must be an http(s) URL' })
      }
      break
    case 'NO_AUTH':
      for (const field of ['key', 'secret', 'scope', 'token_url'] as const) {
        if (input[field] !== null && input[field] !== undefined) {
          ctx.addIssue({ code: 'custom', path: [field], message: `NO_AUTH requires ${field} to be null` })
        }
      }
      break
    default: {
      const unreachable: never = input.auth_type
      throw new Error(`unknown auth_type ${String(unreachable)}`)
    }
  }
}

/** The body of `POST /api/auth-configs` (and of the Rustici emulator's `subscription_auth`). */
export const AuthConfigInputSchema = AuthConfigFieldsSchema.superRefine(checkAuthRules)
export type AuthConfigInput = z.output<typeof AuthConfigInputSchema>
/**
 * `PUT /api/auth-configs/{id}`. A GET body can be sent back as is: `secret: "••••"` keeps the
 * stored secret, and the read-only timestamps are ignored.
 */
export const UpdateAuthConfigInputSchema = AuthConfigFieldsSchema.extend({
  id: z.string().min(1),
  created_at: z.string().optional(),
  modified_at: z.string().optional(),
}).superRefine(checkAuthRules)

/** What the API answers: `secret` is `••••` unless the caller asked to reveal it. */
export const AuthConfigSchema = z.object({
  id: z.string(),
  auth_type: z.enum(authTypes),
  key: z.string().nullable(),
  secret: z.string().nullable(),
  scope: z.string().nullable(),
  token_url: z.string().nullable(),
  created_at: z.iso.datetime(),
  modified_at: z.iso.datetime(),
})
export type AuthConfig = z.output<typeof AuthConfigSchema>

export const IdInputSchema = z.strictObject({ id: z.string().min(1) })
export const RevealInputSchema = z.strictObject({
  id: z.string().min(1),
  reveal: z.union([z.boolean(), z.stringbool()]).default(false),
})

/**
 * `POST /api/auth-configs/{id}/test`: the saved config, or the config as an editor shows it before
 * saving — each field given replaces the saved one for this test only (nothing is stored). A secret
 * left out, empty or `••••` is the stored one.
 */
export const TestAuthConfigInputSchema = z.strictObject({
  id: z.string().min(1),
  key: nullableText,
  secret: nullableText,
  scope: nullableText,
  token_url: z
    .string()
    .regex(/^https?:\/\/\S+$/, 'token_url must be an http(s) URL')
    .nullable()
    .optional(),
})
export type TestAuthConfigInput = z.output<typeof TestAuthConfigInputSchema>

/**
 * `POST /api/auth-configs/test`: an OAuth config that is not saved yet, as a New form shows it —
 * checked as creating it would be (scope and an http(s) token_url required); nothing is stored.
 */
export const TestUnsavedAuthConfigInputSchema = AuthConfigFieldsSchema.omit({ auth_type: true }).superRefine(
  (input, ctx) => checkAuthRules({ ...input, auth_type: 'OAUTH_2_CLIENT_CREDENTIALS' }, ctx),
)
export type TestUnsavedAuthConfigInput = z.output<typeof TestUnsavedAuthConfigInputSchema>

/** What "Test" on an auth config shows: whether a token came back, and the exchange as made. */
export const TestAuthConfigOutputSchema = z.object({
  ok: z.boolean(),
  message: z.string(),
  exchange: TokenExchangeSchema.nullable(),
})
export type TestAuthConfigOutput = z.output<typeof TestAuthConfigOutputSchema>
