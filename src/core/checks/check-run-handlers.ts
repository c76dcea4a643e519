import type { Handlers } from '../../shared/contract/index.ts'
import { subscriptionProfiles } from '../../shared/domain/subscription.ts'
import { HookbenchError } from '../../shared/errors.ts'
import { checkDefinitions } from './definitions.ts'

type CheckHandlers = Pick<
  Handlers,
  'listCheckDefinitions' | 'startCheckRun' | 'listCheckRuns' | 'getCheckRun' | 'rerunCheck' | 'cancelCheckRun'
>

const notYet = async (): Promise<never> => {
  // TODO(check runs): the stored runs are being built on another branch.
  throw new HookbenchError('internal', 'Check runs are not available yet.')
}

/** The check-run operations: the checks' list, and runs kept in history. */
export function checkRunHandlers(): CheckHandlers {
  return {
    listCheckDefinitions: async ({ profile }) => ({
      items: checkDefinitions
        .map((check) => ({
          id: check.id,
          title: check.title,
          level: check.level,
          needs: [...check.needs],
          profiles: subscriptionProfiles.filter((each) => check.appliesTo?.(each) ?? true),
        }))
        .filter((check) => profile === undefined || check.profiles.includes(profile)),
    }),
    startCheckRun: notYet,
    listCheckRuns: notYet,
    getCheckRun: notYet,
    rerunCheck: notYet,
    cancelCheckRun: notYet,
  }
}
