import { type ParseArgsConfig, parseArgs } from 'node:util'
import { z } from 'zod'
import { HookbenchError } from '../shared/errors.ts'

/** What every command's options are read with: `parseArgs`' own option table. */
export type OptionTable = NonNullable<ParseArgsConfig['options']>
export type OptionValues = Partial<Record<string, string | boolean>>

/** The bearer token rule of `serve --token`: a token serve would refuse cannot be the right one. */
export const TokenSchema = z
  .string()
  .regex(/^[\w.~-]{16,256}$/, 'use 16 to 256 characters from A-Z a-z 0-9 _ . ~ -')

export const ApiUrlSchema = z
  .string()
  .refine(isHttpUrl, 'give the local API address, such as http://127.0.0.1:8788')
  .transform((url) => url.replace(/\/+$/, ''))

function isHttpUrl(value: string): boolean {
  if (!URL.canParse(value)) return false
  const { protocol } = new URL(value)
  return protocol === 'http:' || protocol === 'https:'
}

export const DataDirSchema = z.string().min(1, 'give a folder')

export function badArguments(message: string, usage: string): HookbenchError {
  return new HookbenchError('bad_request', `${message}\n\n${usage}`)
}

/** The first invalid option, named by the flag the user typed (`flags` maps schema fields to flags). */
export function invalidOption(error: z.ZodError, flags: Record<string, string>): HookbenchError {
  const issue = error.issues[0]
  const field = String(issue?.path[0] ?? '')
  const flag = Object.hasOwn(flags, field) ? flags[field] : field
  return new HookbenchError('bad_request', `Invalid ${flag}: ${issue?.message ?? 'unknown'}.`, {
    issues: error.issues.map((each) => ({ path: each.path.map(String).join('.'), message: each.message })),
  })
}

export function stringOption(value: string | boolean | undefined): string | undefined {
  return typeof value === 'string' ? value : undefined
}

export interface ReadArgs {
  values: OptionValues
  positionals: string[]
}

/**
 * Reads argv leniently with every option any command knows, then judges each option token
 * itself against `allowed(positionals)` — the table of the command the positionals name — so
 * each mistake gets a sentence of ours (`Unknown option --bogus.`) rather than parseArgs'
 * strict-mode wording, followed by the usage of that command.
 */
export function readArgs(
  argv: string[],
  known: OptionTable,
  allowedFor: (positionals: string[]) => { options: OptionTable; usage: string },
): ReadArgs {
  const parsed = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: false,
    tokens: true,
    options: known,
  })
  const { options, usage } = allowedFor(parsed.positionals)
  for (const token of parsed.tokens) {
    if (token.kind !== 'option') continue
    const option = Object.hasOwn(options, token.name) ? options[token.name] : undefined
    if (!option) throw badArguments(`Unknown option ${token.rawName}.`, usage)
    if (option.type === 'boolean' && token.value !== undefined) {
      throw badArguments(`Option ${token.rawName} takes no value.`, usage)
    }
    if (option.type === 'string' && token.value === undefined) {
      throw badArguments(`Option ${token.rawName} needs a value.`, usage)
    }
    // strict parseArgs refuses `--port --api-port 0` rather than reading "--api-port" as the port.
    if (option.type === 'string' && !token.inlineValue && token.value?.startsWith('-')) {
      throw badArguments(
        `Option ${token.rawName} needs a value, not ${token.value}. For a value that starts with a dash, write ${token.rawName}=<value>.`,
        usage,
      )
    }
  }
  return { values: parsed.values as OptionValues, positionals: parsed.positionals }
}
