import { spawn } from 'node:child_process'
import { once } from 'node:events'

export interface CliResult {
  status: number | null
  stdout: string
  stderr: string
}

/**
 * `hookbench <args>` as a real child process, asynchronously (a host it talks to may run in this
 * process), and never near the developer's own workspace: no HOOKBENCH_API/TOKEN, and the default
 * data folder under `configHome` ($XDG_CONFIG_HOME/Hookbench on Linux, %APPDATA% on Windows).
 */
export async function runCli(
  args: string[],
  configHome: string,
  env: Record<string, string> = {},
): Promise<CliResult> {
  const { HOOKBENCH_API: _api, HOOKBENCH_TOKEN: _token, ...inherited } = process.env
  const child = spawn(process.execPath, ['src/cli/index.ts', ...args], {
    env: { ...inherited, HOOKBENCH_DEBUG: '', XDG_CONFIG_HOME: configHome, APPDATA: configHome, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let stdout = ''
  let stderr = ''
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk
  })
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk
  })
  const [status] = (await once(child, 'close')) as [number | null]
  return { status, stdout, stderr }
}
