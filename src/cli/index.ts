import { HookbenchError } from '../shared/errors.ts'
import { parseCommand, USAGE } from './args.ts'
import { packageVersion } from './paths.ts'
import { serve } from './serve.ts'
import { debugDetails, failureMessage, isDebugging } from './start-failure.ts'

async function main(argv: string[]): Promise<number> {
  const command = parseCommand(argv)
  switch (command.kind) {
    case 'help':
      process.stdout.write(USAGE)
      return 0
    case 'version':
      process.stdout.write(`${packageVersion()}\n`)
      return 0
    case 'serve':
      return serve(command.options)
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
    const debug = isDebugging(process.env)
    console.error(`hookbench: ${failureMessage(error, debug)}`)
    if (debug) console.error(debugDetails(error))
    process.exitCode = 1
  },
)
