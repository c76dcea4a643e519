import type { Handlers } from '../../shared/contract/index.ts'
import { subscriptionProfiles } from '../../shared/domain/subscription.ts'
import type { CheckRuns } from './check-runs.ts'
import { checkDefinitions } from './definitions.ts'

type CheckHandlers = Pick<
  Handlers,
  'listCheckDefinitions' | 'startCheckRun' | 'listCheckRuns' | 'getCheckRun' | 'rerunCheck' | 'cancelCheckRun'
>

/** The check-run operations: the checks' list, and runs kept in history. */
export function checkRunHandlers(runs: CheckRuns): CheckHandlers {
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
    startCheckRun: (input) => runs.start(input),
    listCheckRuns: async (input) => runs.list(input),
    getCheckRun: ({ check_run_id }) => runs.get(check_run_id),
    rerunCheck: (input) => runs.rerun(input),
    cancelCheckRun: ({ check_run_id }) => runs.cancel(check_run_id),
  }
}
