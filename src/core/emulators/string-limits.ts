import { z } from 'zod'

/**
 * The longest strings the emulated management APIs accept, field by field. Anyone who can reach
 * the receiver can call them, and what they send is stored in config.json and read on every
 * delivery: a cap keeps one call from growing it by a megabyte. The figures are generous for
 * real use (a URL of 2 KB, a name of 256 characters).
 */
export const MAX_CHARS = {
  /** Names, owners, topic values, keys of maps (locales, header names, template names). */
  name: 256,
  /** Descriptions. */
  text: 4096,
  /** URLs: callbacks, token URLs, delivery URLs. */
  url: 2048,
  /** Header values, secrets, scopes, and every string inside a template. */
  value: 8192,
} as const

/** A string of at most `max` characters, the refusal naming the limit. */
export function capped(max: number) {
  return z.string().max(max, `must be at most ${max} characters`)
}

/**
 * Anything, but a string only up to `max` characters: for bodies whose types the contract checks
 * after, with its own messages.
 */
export function cappedIfString(max: number) {
  return z.unknown().refine((value) => typeof value !== 'string' || value.length <= max, {
    message: `must be at most ${max} characters`,
  })
}

type JsonValue = z.core.util.JSONType

/** Any JSON value whose strings and keys are capped (templates, event data). */
export function cappedJson(maxString: number, maxKey: number = MAX_CHARS.name): z.ZodType<JsonValue> {
  const value: z.ZodType<JsonValue> = z.lazy(() =>
    z.union([
      capped(maxString),
      z.number(),
      z.boolean(),
      z.null(),
      z.array(value),
      z.record(capped(maxKey), value),
    ]),
  )
  return value
}
