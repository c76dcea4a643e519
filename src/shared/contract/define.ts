import { z } from 'zod'

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'

/**
 * One operation of the contract. The same declaration drives the Electron IPC channel, the preload
 * bridge, the renderer client and the local HTTP route, so they cannot drift apart.
 *
 * `path` is the REST route; `{name}` segments are filled from the input field of that name. For
 * GET and DELETE the rest of the input comes from the query string, otherwise from the JSON body.
 */
export interface Operation<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  readonly method: HttpMethod
  readonly path: `/api/${string}`
  readonly summary: string
  readonly input: I
  readonly output: O
  /** HTTP status on success (200 unless the operation creates or accepts). */
  readonly status: 200 | 201 | 202 | 204
  /** Largest request body the HTTP route accepts (default 10 MB). */
  readonly maxBodyBytes?: number
}

export function defineOperation<I extends z.ZodType, O extends z.ZodType>(
  operation: Omit<Operation<I, O>, 'status'> & { status?: Operation['status'] },
): Operation<I, O> {
  return { status: 200, ...operation }
}

/** One kind of live event: what it means, and the schema of what it carries. */
export interface LiveEvent<P extends z.ZodType = z.ZodType> {
  readonly summary: string
  readonly payload: P
}

export function liveEvent<P extends z.ZodType>(summary: string, payload: P): LiveEvent<P> {
  return { summary, payload }
}

/**
 * How an event of a family is written, the same on every transport: `{ type: name, data: payload }`
 * (what `GET /api/stream` clients read), or `{ action: name, …payload }`, a strict object.
 */
export type LiveEnvelope = 'type-data' | 'action-fields'

/**
 * A family of live events that travel together from main (or core) to the page: one IPC channel
 * (`IPC_PREFIX + ipc.channel`), one `window.desktop.on<Family>` subscription, and with `sse` one
 * Server-Sent Events route as well. `keepUndelivered` events wait for a page that is not listening
 * yet, in main and in the preload; 0 means live only.
 */
export interface LiveFamilyDeclaration {
  readonly envelope: LiveEnvelope
  readonly events: Readonly<Record<string, LiveEvent>>
  readonly ipc: { readonly channel: string; readonly keepUndelivered: number }
  readonly sse?: { readonly path: `/api/${string}` }
}

type Flat<T> = { [K in keyof T]: T[K] }
/** A strict object with no fields infers as Record<string, never>, which would forbid `action` too. */
type Fields<T> = string extends keyof T ? Record<never, never> : T
type Wrapped<D extends LiveFamilyDeclaration> = {
  [K in keyof D['events'] & string]: D['envelope'] extends 'type-data'
    ? { type: K; data: z.output<D['events'][K]['payload']> }
    : Flat<{ action: K } & Fields<z.output<D['events'][K]['payload']>>>
}[keyof D['events'] & string]

export type LiveFamily<D extends LiveFamilyDeclaration = LiveFamilyDeclaration> = D & {
  /** The field that names the event: `type` or `action`. */
  readonly discriminator: 'type' | 'action'
  /** Every event of the family, checked wherever one crosses a process or network boundary. */
  readonly schema: z.ZodType<Wrapped<D>>
}

export type LiveEventOfFamily<F> = F extends { schema: z.ZodType<infer E> } ? E : never

export function defineLiveFamily<const D extends LiveFamilyDeclaration>(family: D): LiveFamily<D> {
  const discriminator = family.envelope === 'type-data' ? 'type' : 'action'
  const options = Object.entries(family.events).map(([name, { payload }]) => {
    if (family.envelope === 'type-data') return z.object({ type: z.literal(name), data: payload })
    if (!(payload instanceof z.ZodObject))
      throw new Error(`The payload of "${name}" must be an object schema.`)
    return z.strictObject({ action: z.literal(name), ...payload.shape })
  })
  const schema = z.discriminatedUnion(discriminator, options as unknown as [z.ZodObject, ...z.ZodObject[]])
  return { ...family, discriminator, schema: schema as unknown as z.ZodType<Wrapped<D>> }
}

/** The name of one event of a family: the SSE `event:` line. */
export function liveEventName(family: Pick<LiveFamily, 'discriminator'>, event: unknown): string {
  return String((event as Record<string, unknown>)[family.discriminator])
}
