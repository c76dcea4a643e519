import { createHash, randomUUID, timingSafeEqual } from 'node:crypto'
import type { Clock } from '../../shared/clock.ts'
import { HookbenchError } from '../../shared/errors.ts'
import { REDACTED } from '../../shared/redacted.ts'
import { redactSecrets, revealSecrets } from '../secrets/redaction.ts'
import type { ConfigStore } from '../store/config/config-store.ts'
import type { Config } from '../store/config/schema.ts'

/** What every registered API client has: the mock OAuth server's and the QuicklySign emulator's. */
export interface ClientRecord {
  id: string
  client_id: string
  /** Sealed; empty after importing a workspace exported without secrets (then nothing authenticates). */
  client_secret: string
  created_at: string
}

/** Where in config.json a kind of client lives. */
export interface ClientCollection<T extends ClientRecord> {
  /** For messages: "OAuth client", "QuicklySign client". */
  label: string
  read(config: Readonly<Config>): readonly T[]
  write(draft: Config, items: T[]): void
}

/** The fields a caller sets; the secret in plaintext (absent or `••••` in an update: keep it). */
export type ClientFields<T extends ClientRecord> = Omit<T, 'id' | 'created_at' | 'client_secret'>

export interface ClientRegistry<T extends ClientRecord> {
  list(): readonly T[]
  /** By id or by client_id; not_found otherwise. */
  get(idOrClientId: string): T
  create(fields: ClientFields<T>, secret: string): Promise<T>
  update(idOrClientId: string, fields: ClientFields<T>, secret: string | undefined): Promise<T>
  remove(idOrClientId: string): Promise<T>
  /** The client these credentials belong to, or null (unknown client, wrong or missing secret). */
  authenticate(clientId: string, secret: string): T | null
  /** As answered: the secret `••••`, or opened when the caller asked to reveal it. */
  view(client: T, reveal: boolean): T
}

/**
 * CRUD over one collection of clients in config.json, with the secret sealed at rest, client_id
 * unique (409), and a constant-time secret check for the endpoints that authenticate them.
 */
export function clientRegistry<T extends ClientRecord>(
  config: ConfigStore,
  clock: Clock,
  collection: ClientCollection<T>,
): ClientRegistry<T> {
  const items = () => collection.read(config.read())
  const find = (key: string) =>
    items().find((item) => item.id === key) ?? items().find((c) => c.client_id === key)

  const get = (key: string): T => {
    const found = find(key)
    if (!found) throw new HookbenchError('not_found', `No ${collection.label} ${key}.`)
    return found
  }

  const checkUnique = (all: readonly T[], clientId: string, exceptId: string | null) => {
    if (all.some((item) => item.client_id === clientId && item.id !== exceptId)) {
      throw new HookbenchError(
        'conflict',
        `${/^[AEIOU]/.test(collection.label) ? 'An' : 'A'} ${collection.label} with client_id "${clientId}" already exists.`,
        {
          issues: [{ path: 'client_id', message: 'already registered' }],
        },
      )
    }
  }

  return {
    list: items,
    get,
    async create(fields, secret) {
      const stored = {
        id: randomUUID(),
        ...fields,
        client_secret: config.secrets.seal(secret),
        created_at: new Date(clock.now()).toISOString(),
      } as T
      await config.update((draft) => {
        const all = collection.read(draft)
        checkUnique(all, stored.client_id, null)
        collection.write(draft, [...all, stored])
      })
      return stored
    },
    async update(key, fields, secret) {
      const current = get(key)
      const keep = secret === undefined || secret === REDACTED
      const stored = {
        ...current,
        ...fields,
        id: current.id,
        client_secret: keep ? current.client_secret : config.secrets.seal(secret),
      } as T
      await config.update((draft) => {
        const all = collection.read(draft)
        if (!all.some((item) => item.id === current.id)) {
          throw new HookbenchError('not_found', `No ${collection.label} ${key}.`)
        }
        checkUnique(all, stored.client_id, current.id)
        collection.write(
          draft,
          all.map((item) => (item.id === current.id ? stored : item)),
        )
      })
      return stored
    },
    async remove(key) {
      const current = get(key)
      await config.update((draft) => {
        collection.write(
          draft,
          collection.read(draft).filter((item) => item.id !== current.id),
        )
      })
      return current
    },
    authenticate(clientId, secret) {
      const client = items().find((item) => item.client_id === clientId)
      if (!client || client.client_secret === '') return null
      return sameSecret(config.secrets.open(client.client_secret), secret) ? client : null
    },
    view: (client, reveal) => (reveal ? revealSecrets(client, config.secrets) : redactSecrets(client)),
  }
}

/** Compares digests so neither the content nor the length of the stored secret leaks through timing. */
function sameSecret(stored: string, presented: string): boolean {
  const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest()
  return timingSafeEqual(digest(stored), digest(presented))
}
