import { readFile } from 'node:fs/promises'
import { z } from 'zod'
import { labelOf } from '../shared/domain/localized-label.ts'
import { SendEventOutputSchema } from '../shared/domain/message.ts'
import { LocalizedTextSchema } from '../shared/domain/subscription.ts'
import { HookbenchError } from '../shared/errors.ts'
import { type ApiTarget, requestJson } from './api-client.ts'
import { type Catalog, type CatalogProfile, findTopic, loadCatalog, unknownTopic } from './catalog.ts'
import { type DataSource, parseJson, type TriggerOptions } from './client-args.ts'
import { findApi } from './find-api.ts'

type Json = z.core.util.JSONType
type Sent = z.output<typeof SendEventOutputSchema>

/** `hookbench trigger <topic>`: POST /api/events, with the catalog's example unless --data. */
export async function trigger(options: TriggerOptions): Promise<number> {
  // Bad --data is the user's to fix whether or not Hookbench runs: judge it before looking.
  const given = options.data ? await readData(options.data) : undefined
  const target = await findApi(options)
  let catalog: Catalog | null = null
  let data: Json
  if (given === undefined) {
    catalog = await loadCatalog(target)
    const found = findTopic(catalog, options.topic)
    if (!found) throw unknownTopic(options.topic, catalog)
    data = found.type.example
  } else {
    data = given
  }
  const body = {
    topic: options.topic,
    data,
    ...(options.tenantId ? { tenant_id: options.tenantId } : {}),
    ...(options.entityKey ? { entity_key: options.entityKey } : {}),
    ...(options.resourceId ? { resource_id: options.resourceId } : {}),
  }
  const sent = await requestJson(target, 'POST', '/api/events', SendEventOutputSchema, {
    body: JSON.stringify(body),
  })
  if (options.json) {
    process.stdout.write(`${sent.text}\n`)
    return 0
  }
  const names = sent.value.messages.length > 0 ? await subscriptionNames(target) : new Map<string, string>()
  const hint =
    sent.value.messages.length === 0
      ? noMatchHint(options, catalog ?? (await loadCatalog(target).catch(() => null)))
      : ''
  process.stdout.write(
    describeSent(sent.value, { topic: options.topic, example: given === undefined, names, hint }),
  )
  return 0
}

/** The JSON --data names: inline (parsed with the arguments) or @file, read and parsed here. */
export async function readData(source: DataSource): Promise<Json> {
  if (source.kind === 'inline') return source.value
  let text: string
  try {
    text = await readFile(source.path, 'utf8')
  } catch (error) {
    const { code, message } = error as NodeJS.ErrnoException
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : message
    throw new HookbenchError('bad_request', `Invalid --data: cannot read ${source.path}: ${why}.`)
  }
  const parsed = parseJson(text)
  if (!parsed.ok) {
    throw new HookbenchError(
      'bad_request',
      `Invalid --data: ${source.path} is not valid JSON (${parsed.reason}).`,
    )
  }
  return parsed.value
}

const SubscriptionNamesSchema = z.object({
  items: z.array(z.object({ id: z.string(), name: LocalizedTextSchema })),
})

/** Names make the output readable; without them (an older API, an error) the ids still say it all. */
async function subscriptionNames(target: ApiTarget): Promise<Map<string, string>> {
  try {
    const { value } = await requestJson(target, 'GET', '/api/subscriptions', SubscriptionNamesSchema)
    return new Map(value.items.map((item) => [item.id, labelOf(item.name)]))
  } catch {
    return new Map()
  }
}

/** At most this many message lines; --json lists them all. */
const SHOWN_MESSAGES = 10

export function describeSent(
  sent: Sent,
  context: { topic: string; example: boolean; names: Map<string, string>; hint: string },
): string {
  const what = `Sent ${context.topic}${context.example ? " with the catalog's example data" : ''} as event ${sent.event_id}`
  const count = sent.messages.length
  if (count === 0) return `${what}: no subscription matched, so nothing is delivered.\n${context.hint}\n`
  const lines = [`${what}: ${count} message${count === 1 ? '' : 's'} queued for delivery.`]
  for (const message of sent.messages.slice(0, SHOWN_MESSAGES)) {
    const name = context.names.get(message.subscription_id)
    const to =
      name === undefined
        ? `subscription ${message.subscription_id}`
        : `"${name}" (subscription ${message.subscription_id})`
    lines.push(`  message ${message.message_id} → ${to}`)
  }
  if (count > SHOWN_MESSAGES) lines.push(`  … and ${count - SHOWN_MESSAGES} more (--json lists them all)`)
  return `${lines.join('\n')}\n`
}

export function noMatchHint(
  options: Pick<TriggerOptions, 'topic' | 'entityKey'>,
  catalog: Catalog | null,
): string {
  const profile: CatalogProfile | undefined = catalog ? findTopic(catalog, options.topic)?.profile : undefined
  const which = profile ? `an enabled ${profile.id} subscription` : 'an enabled subscription'
  const hint = `Hint: add ${which} that takes ${options.topic} (Subscriptions page, or POST /api/subscriptions)`
  if (profile?.id === 'quicklysign' && !options.entityKey) {
    return `${hint}, and pass --entity-key: QuicklySign subscriptions watch one entity.`
  }
  return `${hint}.`
}
