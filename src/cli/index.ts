import { HookbenchError } from '../shared/errors.ts'
import { CommandFailed } from './api-client.ts'
import { parseCommand, usageOf } from './args.ts'
import { packageVersion } from './paths.ts'
import { debugDetails, failureMessage, isDebugging } from './start-failure.ts'

/** Each command loads its own code: the client commands start without loading the whole core. */
async function main(argv: string[]): Promise<number> {
  const command = parseCommand(argv)
  switch (command.kind) {
    case 'help':
      process.stdout.write(usageOf(command.command))
      return 0
    case 'version':
      process.stdout.write(`${packageVersion()}\n`)
      return 0
    case 'serve':
      return (await import('./serve.ts')).serve(command.options)
    case 'check':
      return (await import('./check.ts')).check(command.options)
    case 'trigger':
      return (await import('./trigger.ts')).trigger(command.options)
    case 'replay':
      return (await import('./replay.ts')).replay(command.options)
    case 'export':
      return (await import('./export.ts')).exportWorkspace(command.options)
    case 'import':
      return (await import('./import.ts')).importWorkspace(command.options)
    default: {
      const unreachable: never = command
      return unreachable
    }
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code
  },
  (error: unknown) => {
    if (error instanceof HookbenchError && error.code === 'bad_request') {
      console.error(`hookbench: ${error.message}`)
      process.exitCode = 2
      return
    }
    // A client command's failure is already a sentence (the API's message, or what was not found).
    if (error instanceof CommandFailed) {
      console.error(`hookbench: ${error.message}`)
      process.exitCode = error.exitCode
      return
    }
    const debug = isDebugging(process.env)
    console.error(`hookbench: ${failureMessage(error, debug)}`)
    if (debug) console.error(debugDetails(error))
    process.exitCode = 1
  },
)
