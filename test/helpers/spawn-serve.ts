import { type ChildProcess, spawn } from 'node:child_process'
import { once } from 'node:events'
import { createInterface } from 'node:readline'

export interface Readiness {
  event: 'listening'
  receiver: string
  api: string
  token: string
}

export interface ServeProcess {
  child: ChildProcess
  ready: Readiness
  stderr: () => string
  /** Sends the signal and resolves with the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>
}

/**
 * Runs `hookbench serve` from source on the current Node (24, which strips the types) as a real
 * child process and waits for its readiness line.
 */
export async function spawnServe(args: string[], entry = 'src/cli/index.ts'): Promise<ServeProcess> {
  const child = spawn(process.execPath, [entry, 'serve', ...args], { stdio: ['ignore', 'pipe', 'pipe'] })
  let stderr = ''
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk
  })
  const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream })
  const ready = await new Promise<Readiness>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve did not become ready:\n${stderr}`)), 15_000)
    lines.once('line', (line) => {
      clearTimeout(timer)
      resolve(JSON.parse(line) as Readiness)
    })
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`serve exited with ${code} before it was ready:\n${stderr}`))
    })
  })
  return {
    child,
    ready,
    stderr: () => stderr,
    async stop(signal = 'SIGTERM') {
      // Already gone (exited, or killed by a signal): 'exit' will not fire again.
      if (child.exitCode !== null || child.signalCode !== null) return child.exitCode
      const exited = once(child, 'exit')
      child.kill(signal)
      const [code] = (await exited) as [number | null]
      return code
    },
  }
}
