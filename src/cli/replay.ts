import { z } from 'zod'
import { labelOf } from '../shared/domain/localized-label.ts'
import { ReplayMessageOutputSchema } from '../shared/domain/message.ts'
import { LocalizedTextSchema } from '../shared/domain/subscription.ts'
import { type ApiTarget, requestJson } from './api-client.ts'
import type { ReplayOptions } from './client-args.ts'
import { findApi } from './find-api.ts'

type Replayed = z.output<typeof ReplayMessageOutputSchema>

/** `hookbench replay <message_id>`: POST /api/messages/{id}/replay, same-id unless --new-id. */
export async function replay(options: ReplayOptions): Promise<number> {
  const target = await findApi(options)
  const body = { mode: options.newId ? 'new-id' : 'same-id', ...(options.url ? { url: options.url } : {}) }
  const path = `/api/messages/${encodeURIComponent(options.messageId)}/replay`
  const replayed = await requestJson(target, 'POST', path, ReplayMessageOutputSchema, {
    body: JSON.stringify(body),
  })
  if (options.json) {
    process.stdout.write(`${replayed.text}\n`)
    return 0
  }
  const name = await subscriptionName(target, replayed.value.subscription_id)
  process.stdout.write(describeReplay(options.messageId, replayed.value, name, options.url))
  return 0
}

const NamedSchema = z.object({ name: LocalizedTextSchema })

async function subscriptionName(target: ApiTarget, id: string): Promise<string | null> {
  try {
    const path = `/api/subscriptions/${encodeURIComponent(id)}`
    return labelOf((await requestJson(target, 'GET', path, NamedSchema)).value.name)
  } catch {
    return null
  }
}

export function describeReplay(
  originalId: string,
  replayed: Replayed,
  name: string | null,
  url: string | undefined,
): string {
  const id = replayed.subscription_id
  const subscription = name === null ? `subscription ${id}` : `"${name}" (subscription ${id})`
  const to = url === undefined ? `to ${subscription}` : `to ${url} instead of ${subscription}`
  const what =
    replayed.mode === 'same-id'
      ? `Replayed message ${replayed.message_id} (same message_id, signed afresh)`
      : `Replayed message ${originalId} as new message ${replayed.message_id}`
  // A same-id replay asked for while an attempt of the message runs waits for that attempt to end.
  const when = replayed.queued ? 'queued to run right after the attempt in flight' : 'queued for delivery'
  return `${what} ${to}: ${when}.\n`
}
