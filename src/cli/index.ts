import { StoreError } from '../main/core/store/store-error.ts'
import { HookbenchError } from '../shared/errors.ts'
import { parseCommand, USAGE } from './args.ts'
import { packageVersion } from './paths.ts'
import { serve } from './serve.ts'

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
    if (error instanceof StoreError) {
      // The data folder cannot be opened (locked, corrupt, too new): the message says what to do.
      console.error(`hookbench: ${error.message}`)
      process.exitCode = 1
      return
    }
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'EADDRINUSE' || code === 'EACCES') {
      console.error(
        `hookbench: cannot listen: ${(error as Error).message}. Pick another --port / --api-port (0 = any free port).`,
      )
    } else {
      console.error('hookbench: failed:', error)
    }
    process.exitCode = 1
  },
)
