import {
  CancelCheckRunInputSchema,
  CheckRunSchema,
  GetCheckRunInputSchema,
  ListCheckDefinitionsInputSchema,
  ListCheckDefinitionsOutputSchema,
  ListCheckRunsInputSchema,
  ListCheckRunsOutputSchema,
  RerunCheckInputSchema,
  StartCheckRunInputSchema,
  StartCheckRunOutputSchema,
} from '../domain/check-run.ts'
import { defineOperation } from './define.ts'

/** Checking someone's endpoint: runs of the checks `hookbench check` makes, kept in history. */
export const checkOperations = {
  listCheckDefinitions: defineOperation({
    method: 'GET',
    path: '/api/check-definitions',
    summary: 'The checks, in the order they run, with their level and what each needs; ?profile= narrows.',
    input: ListCheckDefinitionsInputSchema,
    output: ListCheckDefinitionsOutputSchema,
  }),
  startCheckRun: defineOperation({
    method: 'POST',
    path: '/api/checks',
    summary:
      'Checks an endpoint: {url, profile, secret?, basic?, bearer?, timeout_ms?, only?}. Runs in the ' +
      'background (progress on the live stream as check_run.updated); GET /api/checks/{id} is the report.',
    input: StartCheckRunInputSchema,
    output: StartCheckRunOutputSchema,
    status: 202,
  }),
  listCheckRuns: defineOperation({
    method: 'GET',
    path: '/api/checks',
    summary: 'Check runs newest first (summaries); filter by subscription_id; cursor paging.',
    input: ListCheckRunsInputSchema,
    output: ListCheckRunsOutputSchema,
  }),
  getCheckRun: defineOperation({
    method: 'GET',
    path: '/api/checks/{check_run_id}',
    summary: "A run's report: every check with the request as sent and the response; credentials masked.",
    input: GetCheckRunInputSchema,
    output: CheckRunSchema,
  }),
  rerunCheck: defineOperation({
    method: 'POST',
    path: '/api/checks/{check_run_id}/checks/{check_id}/rerun',
    summary:
      "Runs one check of a finished run again, in place, with the run's sealed secret and credentials " +
      '(or the ones given); 409 while the run is running.',
    input: RerunCheckInputSchema,
    output: StartCheckRunOutputSchema,
    status: 202,
  }),
  cancelCheckRun: defineOperation({
    method: 'POST',
    path: '/api/checks/{check_run_id}/cancel',
    summary: 'Stops a run before its next check (the one running finishes); the run keeps what it has.',
    input: CancelCheckRunInputSchema,
    output: CheckRunSchema,
  }),
} as const
