import type { ErrorBody } from '../../../shared/errors.ts'
import { toErrorBody } from '../api/api-error.ts'
import type { LoadStatus, SaveState } from './slice.ts'

/**
 * The two ways a slice talks to the API: `loadInto` fills a part of the store that has a load status
 * (a Loadable, or a list with its cursor), `saveWith` runs a change and reports it in a SaveState.
 * Both turn any failure into an ErrorBody with the one `toErrorBody`.
 */

/** The store's `set` and `get`, as a slice creator receives them. */
export interface Store<S> {
  set: (patch: (state: S) => Partial<S>) => void
  get: () => S
}

/** Anything loaded with a status; a Loadable is one, so is a list with its cursor. */
interface Tracked {
  status: LoadStatus
  error: ErrorBody | null
}

type KeysOf<S, Shape> = { [K in keyof S]: S[K] extends Shape ? K : never }[keyof S]

/** What a request loaded: the fields it replaces (`{ value }` for a Loadable). */
export type Loaded<S, K extends keyof S> = Partial<Omit<S[K], 'status' | 'error'>>

/** Numbers the requests of one kind, so that an answer a newer request has replaced is dropped. */
export class LatestRequest {
  private count = 0

  /** Starts a request; the check answers whether it is still the newest. */
  start(): () => boolean {
    const mine = ++this.count
    return () => mine === this.count
  }

  /** For work that continues the newest request (its next page): false once another one starts. */
  current(): () => boolean {
    const mine = this.count
    return () => mine === this.count
  }

  /** Drops every answer still on its way. */
  cancel(): void {
    this.count++
  }
}

export interface LoadOptions {
  /**
   * Without it a call while a load runs does nothing. With it every call runs, and only the answer
   * to the newest one lands (another bin, other filters, another message).
   */
  latest?: LatestRequest
  /**
   * A re-check behind what is on screen: the status turns 'loading' only from 'idle'. With 'report'
   * a failure is shown (the value stays); with 'silent' a ready state stays as it is when it fails.
   */
  background?: 'report' | 'silent'
}

/**
 * Loads into `state[key]`: 'loading' while it runs (the last good value stays), then the request's
 * fields with 'ready', or the error with 'error'. Resolves true when the answer landed.
 */
export async function loadInto<S, K extends KeysOf<S, Tracked>>(
  { set, get }: Store<S>,
  key: K,
  request: () => Promise<Loaded<S, K>>,
  { latest, background }: LoadOptions = {},
): Promise<boolean> {
  const tracked = () => get()[key] as Tracked
  if (!latest && tracked().status === 'loading') return false
  const isNewest = latest ? latest.start() : () => true
  const patch = (fields: Partial<Tracked> | Loaded<S, K>) =>
    set((state) => ({ [key]: { ...state[key], ...fields } }) as unknown as Partial<S>)

  if (!background) patch({ status: 'loading', error: null })
  else if (tracked().status === 'idle') patch({ status: 'loading' })
  try {
    const fields = await request()
    if (!isNewest()) return false
    patch({ ...fields, status: 'ready', error: null })
    return true
  } catch (error) {
    if (!isNewest()) return false
    if (background === 'silent' && tracked().status === 'ready') return false
    patch({ status: 'error', error: toErrorBody(error) })
    return false
  }
}

/** What a finished change does to the store besides its SaveState, if anything. */
export type SavePatch<S> = Partial<S> | ((state: S) => Partial<S>)

export interface SaveOptions<S, K extends keyof S> {
  /** A call while this one is saving does nothing (a second submit of the same form). */
  exclusive?: boolean
  /** Fields the state carries besides status and error, in every phase (the row it is about). */
  with?: Omit<S[K], keyof SaveState>
  /**
   * Nothing is shown while it runs or when it succeeds; only a failure is reported in `state[key]`
   * (revealing a secret, whose answer is the secret itself).
   */
  quiet?: boolean
}

/**
 * Runs a change and reports it in `state[key]`: 'saving', then 'saved' together with what `work`
 * answers for the rest of the store (which may also set `state[key]` itself), or 'error' with the
 * error. Resolves true when it succeeded.
 */
export async function saveWith<S, K extends KeysOf<S, SaveState>>(
  { set, get }: Store<S>,
  key: K,
  // biome-ignore lint/suspicious/noConfusingVoidType: a change that touches nothing else returns nothing.
  work: () => Promise<SavePatch<S> | void>,
  options: SaveOptions<S, K> = {},
): Promise<boolean> {
  const { exclusive, quiet } = options
  if (exclusive && (get()[key] as SaveState).status === 'saving') return false
  const report = (phase: SaveState) => ({ [key]: { ...options.with, ...phase } }) as unknown as Partial<S>

  if (!quiet) set(() => report({ status: 'saving', error: null }))
  try {
    const done = await work()
    set((state) => ({
      ...(quiet ? {} : report({ status: 'saved', error: null })),
      ...(typeof done === 'function' ? done(state) : done),
    }))
    return true
  } catch (error) {
    set(() => report({ status: 'error', error: toErrorBody(error) }))
    return false
  }
}
