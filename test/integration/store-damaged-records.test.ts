import { appendFileSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { apiHostsPerTest } from '../helpers/api-host.ts'
import { tempDirsPerTest } from '../helpers/temp-dir.ts'

const tempDir = tempDirsPerTest()
const startApi = apiHostsPerTest()

afterEach(() => {
  vi.restoreAllMocks()
})

/** Captures `count` requests in a fresh data folder and stops; answers their ids, oldest first. */
async function captureThenStop(dataDir: string, count: number): Promise<string[]> {
  const api = await startApi(dataDir)
  const ids: string[] = []
  for (let i = 0; i < count; i++) {
    const response = await fetch(`${api.host.receiverUrl}/hooks/orders/${i}`, {
      method: 'POST',
      body: `${i}`,
    })
    await response.arrayBuffer()
    ids.push(response.headers.get('x-hookbench-request-id') as string)
  }
  await api.stop()
  return ids
}

const requestsDir = (dataDir: string) => join(dataDir, 'records', 'requests')
const damagedFiles = (dataDir: string) =>
  readdirSync(requestsDir(dataDir)).filter((name) => name.startsWith('damaged-'))

/** Starts again with console.error watched: answers the API and what was printed on stderr. */
async function restart(dataDir: string) {
  const printed: string[] = []
  vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
    printed.push(args.map(String).join(' '))
  })
  const api = await startApi(dataDir)
  return { api, printed }
}

describe('damaged lines in the record logs', () => {
  it('sets aside a record that fails its schema, says so, and keeps the other 39 readable', async () => {
    const dataDir = tempDir()
    const ids = await captureThenStop(dataDir, 40)
    const segment = join(requestsDir(dataDir), '00000001.jsonl')
    const lines = readFileSync(segment, 'utf8').split('\n')
    // Line 0 is the header; the 21st capture's method becomes a number: valid JSON, invalid record.
    const damaged = (lines[21] as string).replace('"method":"POST"', '"method":42')
    expect(damaged).not.toBe(lines[21])
    lines[21] = damaged
    writeFileSync(segment, lines.join('\n'))

    const { api, printed } = await restart(dataDir)
    const list = await api.call('GET', '/api/requests?limit=100')
    expect(list.status).toBe(200)
    expect(list.body.items).toHaveLength(39)
    const gone = await api.call('GET', `/api/requests/${ids[20]}`)
    expect(gone.status).toBe(404)
    expect((await api.call('GET', `/api/requests/${ids[21]}`)).status).toBe(200)

    const [file] = damagedFiles(dataDir)
    expect(file).toBeDefined()
    const kept = join(requestsDir(dataDir), file as string)
    expect(readFileSync(kept, 'utf8')).toBe(`${damaged}\n`)
    const warning = printed.find((line) => line.includes('records/requests'))
    expect(warning).toContain('1 damaged line')
    expect(warning).toContain(kept)

    const storage = await api.call('GET', '/api/storage')
    expect(storage.body.kinds.requests).toMatchObject({ records: 39, damaged: { lines: 1, files: [kept] } })
    expect(storage.body.kinds.events.damaged).toEqual({ lines: 0, files: [] })

    // Said once: the next start finds a clean segment and only points at the file kept aside.
    await api.stop()
    const again = await restart(dataDir)
    expect((await again.api.call('GET', '/api/requests?limit=100')).body.items).toHaveLength(39)
    expect(damagedFiles(dataDir)).toEqual([file])
    expect((await again.api.call('GET', '/api/storage')).body.kinds.requests.damaged).toEqual({
      lines: 1,
      files: [kept],
    })
  })

  it('keeps a complete garbage last line aside instead of cutting it without a word', async () => {
    const dataDir = tempDir()
    await captureThenStop(dataDir, 3)
    const segment = join(requestsDir(dataDir), '00000001.jsonl')
    appendFileSync(segment, 'this is not a record\n')

    const { api, printed } = await restart(dataDir)
    expect((await api.call('GET', '/api/requests')).body.items).toHaveLength(3)
    const [file] = damagedFiles(dataDir)
    expect(file).toBeDefined()
    expect(readFileSync(join(requestsDir(dataDir), file as string), 'utf8')).toBe('this is not a record\n')
    expect(printed.some((line) => line.includes('records/requests') && line.includes('1 damaged line'))).toBe(
      true,
    )
    expect((await api.call('GET', '/api/storage')).body.kinds.requests.damaged.lines).toBe(1)
  })
})
