import type { Clock } from '../../shared/clock.ts'
import type { Handlers } from '../../shared/contract/index.ts'
import { HookbenchError } from '../../shared/errors.ts'
import { type Bin, CreateBinInputSchema, type StoredBin } from '../../shared/receiver/bin.ts'
import { type CapturedRequest, summaryOf } from '../../shared/receiver/captured-request.ts'
import type { EventBus } from '../events/event-bus.ts'
import { redactSecrets, revealSecrets } from '../secrets/redaction.ts'
import type { SecretBox } from '../secrets/secret-box.ts'
import type { BinRegistry } from './bins.ts'
import { decodeBody } from './body.ts'
import type { CapturedCredentials } from './captured-credentials.ts'
import { curlCommand } from './curl.ts'
import { fromHarEntry, toHar } from './har.ts'
import { exchange } from './http-exchange.ts'
import type { RequestStore } from './request-store.ts'
import type { ResponsePicker } from './response-rules.ts'

export type ReceiverHandlers = Pick<
  Handlers,
  | 'listBins'
  | 'createBin'
  | 'getBin'
  | 'updateBin'
  | 'deleteBin'
  | 'listRequests'
  | 'deleteRequests'
  | 'exportHar'
  | 'importHar'
  | 'getRequest'
  | 'replayRequest'
  | 'exportRequestCurl'
>

export interface ReceiverHandlerDeps {
  bins: BinRegistry
  store: RequestStore
  picker: ResponsePicker
  credentials: CapturedCredentials
  events: EventBus
  secrets: SecretBox
  clock: Clock
  version: string
  receiverUrl: () => string | null
}

/** Replays kept per capture (newest last): enough to compare, not a second history. */
const MAX_REPLAYS_KEPT = 20
/** Above this many, an import does not announce each capture on the stream: the UI reloads instead. */
const MAX_IMPORT_EVENTS = 200

export function receiverHandlers(deps: ReceiverHandlerDeps): ReceiverHandlers {
  const { bins, store, credentials } = deps

  const view = (bin: StoredBin, reveal: boolean): Bin => {
    const shown = reveal ? revealSecrets(bin, deps.secrets) : redactSecrets(bin)
    const receiver = deps.receiverUrl()
    return { ...shown, url: receiver ? `${receiver}/hooks/${encodeURIComponent(bin.name)}/` : null }
  }

  const capture = async (id: string): Promise<CapturedRequest> => {
    const found = await store.get(id)
    if (!found) throw new HookbenchError('not_found', `No captured request ${id}.`)
    return found
  }

  const shown = credentials.showCapture

  /** A filter names a bin by name or id; one that does not exist is a 404 (a typo), as for DELETE. */
  const binFilter = (bin: string | undefined): string | undefined =>
    bin === undefined ? undefined : bins.get(bin).id

  const clearCaptures = async (binId: string | null): Promise<number> => {
    const count = await store.removeAll(binId)
    deps.events.emit({ type: 'requests.deleted', data: { bin_id: binId, count } })
    return count
  }

  return {
    listBins: async ({ reveal }) => ({ items: bins.list().map((bin) => view(bin, reveal)) }),
    createBin: async (input) => view(await bins.create(input), false),
    getBin: async ({ id, reveal }) => view(bins.get(id), reveal),
    updateBin: async (input) => view(await bins.update(input), false),
    deleteBin: async ({ id }) => {
      const bin = await bins.remove(id)
      deps.picker.forget(bin.id)
      await clearCaptures(bin.id)
    },
    listRequests: async (input) =>
      store.list({
        ...defined({
          binId: binFilter(input.bin),
          method: input.method,
          path: input.path,
          q: input.q,
          sinceMs: input.since === undefined ? undefined : Date.parse(input.since),
          untilMs: input.until === undefined ? undefined : Date.parse(input.until),
          cursor: input.cursor,
        }),
        limit: input.limit,
      }),
    deleteRequests: async ({ bin }) => {
      return { deleted: await clearCaptures(binFilter(bin) ?? null) }
    },
    exportHar: async ({ bin, limit, reveal }) => {
      const page = await store.list({ ...defined({ binId: binFilter(bin) }), limit })
      const requests: CapturedRequest[] = []
      for (const summary of page.items.toReversed()) {
        const request = await store.get(summary.id)
        if (request) requests.push(shown(request, reveal))
      }
      return toHar(requests, deps.receiverUrl(), deps.version)
    },
    importHar: async ({ bin: name, log }) => {
      const bin = bins.find(name) ?? (await bins.create(CreateBinInputSchema.parse({ name })))
      const verify = bins.openVerify(bin)
      // Verified on the plaintext, then sealed like a capture that came in over HTTP.
      const captures = log.entries.map((entry) => {
        const capture = fromHarEntry(entry, bin, verify)
        return credentials.sealCapture(capture)
      })
      // One grouped write: every add is queued before the first one is flushed.
      const summaries = await Promise.all(captures.map((item) => store.add(item)))
      if (captures.length <= MAX_IMPORT_EVENTS) {
        for (const summary of summaries) deps.events.emit({ type: 'request.received', data: summary })
      }
      return { bin_id: bin.id, imported: captures.length }
    },
    getRequest: async ({ id, reveal }) => shown(await capture(id), reveal),
    replayRequest: async (input) => {
      const original = await capture(input.id)
      const result = await exchange(
        {
          url: input.url,
          method: input.method ?? original.method,
          headers: input.headers
            ? credentials.restoreMasked(input.headers, original.headers)
            : credentials.open(original.headers),
          body:
            input.body === undefined
              ? decodeBody(original.body, original.body_encoding)
              : decodeBody(input.body, input.body_encoding),
          timeoutMs: input.timeout_ms,
        },
        () => deps.clock.now(),
      )
      const updated = await store.update(input.id, (current) => ({
        ...current,
        replays: [...current.replays, credentials.sealExchange(result)].slice(-MAX_REPLAYS_KEPT),
      }))
      if (updated) deps.events.emit({ type: 'request.updated', data: summaryOf(updated) })
      return credentials.showExchange(result, false)
    },
    exportRequestCurl: async ({ id, url, reveal }) => {
      const request = await capture(id)
      const target = url ?? `${deps.receiverUrl() ?? 'http://127.0.0.1:8787'}${request.url}`
      return { curl: curlCommand(shown(request, reveal), target) }
    },
  }
}

/** Drops undefined fields (exactOptionalPropertyTypes: an absent filter is not an undefined one). */
function defined<T extends Record<string, unknown>>(
  fields: T,
): { [K in keyof T]?: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) as {
    [K in keyof T]?: Exclude<T[K], undefined>
  }
}
