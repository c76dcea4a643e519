/** The fields of `hookbench check --json`'s report, in order: a contract the API's run report shares. */
export const checkReportFields = [
  'url',
  'profile',
  'started_at',
  'finished_at',
  'passed',
  'failed',
  'skipped',
  'checks',
] as const

/** The fields of each check's result, in order. */
export const checkResultFields = [
  'id',
  'title',
  'level',
  'ok',
  'expected',
  'observed',
  'request',
  'response',
  'error',
] as const
