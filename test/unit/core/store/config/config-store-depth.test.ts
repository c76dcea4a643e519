import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openKeyFileBox } from '../../../../../src/core/secrets/key-file-box.ts'
import { type ConfigStore, openConfigStore } from '../../../../../src/core/store/config/config-store.ts'
import { StoreError } from '../../../../../src/core/store/store-error.ts'
import { HookbenchError } from '../../../../../src/shared/errors.ts'
import { MAX_STORED_JSON_DEPTH } from '../../../../../src/shared/json-depth.ts'
import { storedSubscription } from '../../../../helpers/stored-subscription.ts'
import { tempDirsPerTest } from '../../../../helpers/temp-dir.ts'

const tempDir = tempDirsPerTest()

async function open(dataDir: string): Promise<ConfigStore> {
  return openConfigStore(dataDir, { secretBox: await openKeyFileBox(dataDir) })
}

/** `{"a":{"a":…1…}}` with `depth` objects, as text (JSON.stringify would overflow on it). */
function nestedText(depth: number): string {
  return `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`
}

/** The same as a value, built without recursion (JSON.parse does not recurse). */
function nested(depth: number): unknown {
  return JSON.parse(nestedText(depth))
}

/** A valid stored subscription with one template (set after parsing: zod recurses, and may overflow). */
function subscriptionWithTemplate(id: string, template: unknown) {
  return { ...storedSubscription(id), templates: { t: template as never } }
}

describe('config store: nesting', () => {
  it('a failed update leaves config.json and the in-memory configuration as they were, and later updates work', async () => {
    const dataDir = tempDir()
    const store = await open(dataDir)
    await store.update((draft) => {
      draft.subscriptions.push(subscriptionWithTemplate('kept', { ok: true }))
    })
    const fileBefore = readFileSync(store.path, 'utf8')
    const memoryBefore = structuredClone(store.read())

    // Deep enough that zod, structuredClone or the freeze would overflow the stack.
    const failed = await store
      .update((draft) => {
        draft.subscriptions.push(subscriptionWithTemplate('deep', nested(20_000)))
      })
      .then(
        () => null,
        (error: unknown) => error,
      )
    expect(failed).toBeInstanceOf(HookbenchError)
    expect((failed as HookbenchError).code).toBe('bad_request')
    expect((failed as HookbenchError).message).toContain(`more than ${MAX_STORED_JSON_DEPTH} levels deep`)
    expect(readFileSync(store.path, 'utf8')).toBe(fileBefore)
    expect(store.read()).toEqual(memoryBefore)

    await store.update((draft) => {
      draft.subscriptions.push(subscriptionWithTemplate('after', 1))
    })
    expect(store.read().subscriptions.map((s) => s.id)).toEqual(['kept', 'after'])
    const reopened = await open(dataDir)
    expect(reopened.read().subscriptions.map((s) => s.id)).toEqual(['kept', 'after'])
  })

  it('refuses a config.json nested too deep at open with a StoreError naming the file and the limit', async () => {
    const dataDir = tempDir()
    const store = await open(dataDir)
    await store.update((draft) => {
      draft.subscriptions.push(subscriptionWithTemplate('poisoned', 'MARKER'))
    })
    // As a hand edit (or an older Hookbench) could have left it: a template 20,000 deep.
    const text = readFileSync(store.path, 'utf8').replace('"MARKER"', () => nestedText(20_000))
    expect(text).not.toBe(readFileSync(store.path, 'utf8'))
    writeFileSync(store.path, text)

    const error = await open(dataDir).then(
      () => null,
      (caught: unknown) => caught,
    )
    expect(error).toBeInstanceOf(StoreError)
    expect((error as StoreError).code).toBe('store_corrupt')
    expect((error as StoreError).file).toBe(join(dataDir, 'config.json'))
    expect((error as StoreError).message).toContain(join(dataDir, 'config.json'))
    expect((error as StoreError).message).toContain(`more than ${MAX_STORED_JSON_DEPTH} levels deep`)
    expect(readFileSync(store.path, 'utf8')).toBe(text)
  })
})
