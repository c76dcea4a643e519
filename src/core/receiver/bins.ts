import { randomUUID } from 'node:crypto'
import type { Clock } from '../../shared/clock.ts'
import { HookbenchError } from '../../shared/errors.ts'
import {
  BIN_NAME_PATTERN,
  type BinVerify,
  type BinVerifyInput,
  type CreateBinInput,
  DEFAULT_RESPONSE,
  type StoredBin,
  type UpdateBinInput,
} from '../../shared/receiver/bin.ts'
import { REDACTED } from '../../shared/redacted.ts'
import type { Settings } from '../../shared/settings.ts'
import type { ConfigStore } from '../store/config/config-store.ts'

/** A bin's checks with the secrets opened, for the moment a request is verified. */
export type OpenedVerify = BinVerify

/**
 * The bins in config.json: lookup by id or name, CRUD with secrets sealed, and creation on first
 * use. Every change goes through `config.update`, which runs one at a time, so the uniqueness
 * check and the write cannot interleave with another request creating the same name.
 */
export interface BinRegistry {
  list(): readonly StoredBin[]
  /** By id first, then by name. */
  find(idOrName: string): StoredBin | null
  /** As `find`, or 404. */
  get(idOrName: string): StoredBin
  create(input: CreateBinInput): Promise<StoredBin>
  update(input: UpdateBinInput): Promise<StoredBin>
  remove(idOrName: string): Promise<StoredBin>
  /**
   * The bin called `name`; created if unknown and the settings allow it (auto_create_bins on,
   * fewer than max_auto_created_bins created so far), else null.
   */
  ensure(name: string): Promise<StoredBin | null>
  /** Why `ensure(name)` answered null, for the 404. */
  whyNotCreated(name: string): string
  openVerify(bin: StoredBin): OpenedVerify
}

export function createBinRegistry(config: ConfigStore, clock: Clock): BinRegistry {
  const now = () => new Date(clock.now()).toISOString()
  const creating = new Map<string, Promise<StoredBin | null>>()

  const find = (idOrName: string): StoredBin | null => {
    const bins = config.read().bins
    return bins.find((bin) => bin.id === idOrName) ?? bins.find((bin) => bin.name === idOrName) ?? null
  }

  const get = (idOrName: string): StoredBin => {
    const bin = find(idOrName)
    if (!bin) throw new HookbenchError('not_found', `No bin "${idOrName}".`)
    return bin
  }

  const nameTaken = (bins: readonly StoredBin[], name: string, exceptId: string | null): void => {
    const other = bins.find((bin) => bin.name === name && bin.id !== exceptId)
    if (other) {
      throw new HookbenchError('conflict', `A bin named "${name}" already exists.`, { bin_id: other.id })
    }
  }

  /** Seals new secrets; `••••` (what GET answered) keeps the stored one. */
  const sealVerify = (input: BinVerifyInput, current: BinVerify | null): BinVerify => {
    const keep = (given: string, stored: string | undefined, field: string): string => {
      if (given !== REDACTED) return config.secrets.seal(given)
      if (stored === undefined) {
        throw new HookbenchError(
          'bad_request',
          `Invalid input at "verify.${field}": no stored secret to keep.`,
          {
            issues: [{ path: `verify.${field}`, message: 'no stored secret to keep; enter the value' }],
          },
        )
      }
      return stored
    }
    const verify: BinVerify = { enforce: input.enforce }
    if (input.basic) {
      verify.basic = {
        username: input.basic.username,
        password: keep(input.basic.password, current?.basic?.password, 'basic.password'),
      }
    }
    if (input.bearer) {
      const currentToken = current?.bearer && 'token' in current.bearer ? current.bearer.token : undefined
      verify.bearer =
        'token' in input.bearer
          ? { token: keep(input.bearer.token, currentToken, 'bearer.token') }
          : { mock_oauth: true }
    }
    if (input.standard_webhooks) {
      verify.standard_webhooks = {
        secret: keep(
          input.standard_webhooks.secret,
          current?.standard_webhooks?.secret,
          'standard_webhooks.secret',
        ),
        tolerance_seconds: input.standard_webhooks.tolerance_seconds,
      }
    }
    return verify
  }

  const open = (sealed: string): string => (sealed === '' ? '' : config.secrets.open(sealed))

  return {
    list: () => config.read().bins,
    find,
    get,
    async create(input) {
      nameTaken(config.read().bins, input.name, null)
      const at = now()
      const bin: StoredBin = {
        id: randomUUID(),
        name: input.name,
        description: input.description,
        response: input.response,
        verify: sealVerify(input.verify, null),
        forward_to: input.forward_to,
        auto_created: false,
        created_at: at,
        modified_at: at,
      }
      await config.update((draft) => {
        nameTaken(draft.bins, bin.name, null)
        draft.bins.push(bin)
      })
      return bin
    },
    async update(input) {
      const current = get(input.id)
      nameTaken(config.read().bins, input.name, current.id)
      const bin: StoredBin = {
        ...current,
        name: input.name,
        description: input.description,
        response: input.response,
        verify: sealVerify(input.verify, current.verify),
        forward_to: input.forward_to,
        auto_created: false,
        modified_at: now(),
      }
      await config.update((draft) => {
        nameTaken(draft.bins, bin.name, bin.id)
        const index = draft.bins.findIndex((item) => item.id === bin.id)
        if (index === -1) throw new HookbenchError('not_found', `No bin "${input.id}".`)
        draft.bins[index] = bin
      })
      return bin
    },
    async remove(idOrName) {
      const bin = get(idOrName)
      await config.update((draft) => {
        draft.bins = draft.bins.filter((item) => item.id !== bin.id)
      })
      return bin
    },
    ensure(name) {
      const { bins, settings } = config.read()
      const existing = bins.find((bin) => bin.name === name)
      if (existing) return Promise.resolve(existing)
      if (!BIN_NAME_PATTERN.test(name) || !settings.auto_create_bins || atCap(bins, settings)) {
        return Promise.resolve(null)
      }
      // Concurrent first requests to a new name share one creation.
      let pending = creating.get(name)
      if (!pending) {
        pending = autoCreate(name).finally(() => creating.delete(name))
        creating.set(name, pending)
      }
      return pending
    },
    whyNotCreated(name) {
      const { bins, settings } = config.read()
      if (BIN_NAME_PATTERN.test(name) && settings.auto_create_bins && atCap(bins, settings)) {
        return (
          `No bin "${name}": Hookbench already has ${count(autoCreatedCount(bins), 'bin')} created on first use, ` +
          `the most the max_auto_created_bins setting allows. Create this bin in Hookbench, delete ` +
          `bins you no longer need, or raise the setting.`
        )
      }
      return `No bin "${name}": create it in Hookbench, or turn on "create bins on first use".`
    },
    openVerify(bin) {
      const verify: OpenedVerify = { enforce: bin.verify.enforce }
      if (bin.verify.basic) {
        verify.basic = { username: bin.verify.basic.username, password: open(bin.verify.basic.password) }
      }
      const bearer = bin.verify.bearer
      if (bearer) verify.bearer = 'token' in bearer ? { token: open(bearer.token) } : { mock_oauth: true }
      if (bin.verify.standard_webhooks) {
        verify.standard_webhooks = {
          secret: open(bin.verify.standard_webhooks.secret),
          tolerance_seconds: bin.verify.standard_webhooks.tolerance_seconds,
        }
      }
      return verify
    },
  }

  async function autoCreate(name: string): Promise<StoredBin | null> {
    const at = now()
    const bin: StoredBin = {
      id: randomUUID(),
      name,
      description: '',
      response: DEFAULT_RESPONSE,
      verify: { enforce: false },
      forward_to: null,
      auto_created: true,
      created_at: at,
      modified_at: at,
    }
    let created: StoredBin | null = null
    await config.update((draft) => {
      // Created meanwhile through the API: use that one.
      const other = draft.bins.find((item) => item.name === name)
      if (other) {
        created = other
        return
      }
      // Checked again here, where writes run one at a time: a burst of new names cannot pass it.
      if (atCap(draft.bins, draft.settings)) return
      draft.bins.push(bin)
      created = bin
    })
    return created
  }
}

function autoCreatedCount(bins: readonly StoredBin[]): number {
  let count = 0
  for (const bin of bins) if (bin.auto_created) count++
  return count
}

/** Whether the bins created on first use have reached the max_auto_created_bins setting. */
function atCap(bins: readonly StoredBin[], settings: Settings): boolean {
  return autoCreatedCount(bins) >= settings.max_auto_created_bins
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`
}
