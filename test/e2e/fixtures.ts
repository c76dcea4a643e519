import { type ChildProcess, spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import { test as base, expect } from '@playwright/test'

export interface Hookbench {
  /** Local API and web UI, e.g. http://127.0.0.1:40123 */
  apiUrl: string
  /** Receiver, e.g. http://127.0.0.1:40124 */
  receiverUrl: string
  token: string
  /** The data folder this test's Hookbench was started with. */
  dataDir: string
}

interface Readiness {
  event: 'listening'
  receiver: string
  api: string
  token: string
}

const CLI = fileURLToPath(new URL('../../out/main/cli.js', import.meta.url))
const RENDERER_INDEX = fileURLToPath(new URL('../../out/renderer/index.html', import.meta.url))
const READY_TIMEOUT_MS = 15_000
const STOP_TIMEOUT_MS = 10_000

/**
 * `hookbench`: a real headless Hookbench per test, with its own data folder (as Actual Budget's
 * e2e fixtures do), started from the build and stopped with SIGTERM afterwards.
 */
export const test = base.extend<{ hookbench: Hookbench }>({
  // biome-ignore lint/correctness/noEmptyPattern: Playwright reads a fixture's dependencies from this destructuring.
  hookbench: async ({}, use, testInfo) => {
    for (const built of [CLI, RENDERER_INDEX]) {
      if (!existsSync(built)) throw new Error(`${built} is missing: run \`npx electron-vite build\` first.`)
    }
    const dataDir = mkdtempSync(join(tmpdir(), 'hookbench-e2e-'))
    const token = randomBytes(24).toString('base64url')
    const child = spawn(
      process.execPath,
      // `--token=` form: a base64url token may start with "-", which parseArgs would take for an option.
      [CLI, 'serve', '--port', '0', '--api-port', '0', '--data-dir', dataDir, `--token=${token}`],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    )
    let stderr = ''
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk
    })
    try {
      const ready = await waitForReadiness(child, () => stderr)
      await use({ apiUrl: ready.api, receiverUrl: ready.receiver, token: ready.token, dataDir })
    } finally {
      await stop(child)
      if (testInfo.status !== testInfo.expectedStatus) {
        await testInfo.attach('hookbench-stderr', { body: stderr, contentType: 'text/plain' })
      }
      rmSync(dataDir, { recursive: true, force: true })
    }
  },
})

export { expect } from '@playwright/test'

/** The local API as a test client: JSON in and out, with the token; a non-2xx fails the test. */
export async function api<T>(hookbench: Hookbench, method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${hookbench.apiUrl}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${hookbench.token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  })
  const text = await response.text()
  expect(response.ok, `${method} ${path} → ${response.status}: ${text}`).toBe(true)
  return (text ? JSON.parse(text) : undefined) as T
}

function waitForReadiness(child: ChildProcess, stderr: () => string): Promise<Readiness> {
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream })
    let settled = false
    const settle = () => {
      settled = true
      clearTimeout(timer)
      child.off('error', onError)
      child.off('exit', onExit)
    }
    const fail = (message: string) => {
      if (settled) return
      settle()
      reject(new Error(`${message}\n--- hookbench stderr ---\n${stderr() || '(empty)'}`))
    }
    const onError = (error: Error) => fail(`hookbench serve could not start: ${error.message}`)
    const onExit = (code: number | null, signal: NodeJS.Signals | null) =>
      fail(`hookbench serve exited (${signal ?? code}) before it was ready.`)
    const timer = setTimeout(
      () => fail(`hookbench serve printed no readiness line within ${READY_TIMEOUT_MS} ms.`),
      READY_TIMEOUT_MS,
    )
    child.once('error', onError)
    child.once('exit', onExit)
    // Keeps reading stdout after the readiness line, so the child never blocks on a full pipe.
    lines.on('line', (line) => {
      if (settled) return
      let parsed: Partial<Readiness>
      try {
        parsed = JSON.parse(line) as Partial<Readiness>
      } catch {
        return fail(`hookbench serve printed something other than its readiness line: ${line}`)
      }
      if (parsed.event !== 'listening' || !parsed.api || !parsed.receiver || !parsed.token) {
        return fail(`hookbench serve printed an unexpected readiness line: ${line}`)
      }
      settle()
      resolve(parsed as Readiness)
    })
  })
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  child.kill('SIGTERM')
  const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS)
  await exited
  clearTimeout(timer)
}
