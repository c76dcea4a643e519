import { parseCommand } from '../../../src/cli/args.ts'
import { HookbenchError } from '../../../src/shared/errors.ts'

/** The error `hookbench <argv>` is refused with; fails the test if the arguments were accepted. */
export function refusal(argv: string[]): HookbenchError {
  try {
    parseCommand(argv)
  } catch (error) {
    if (error instanceof HookbenchError) return error
    throw error
  }
  throw new Error(`${JSON.stringify(argv)} was accepted`)
}
