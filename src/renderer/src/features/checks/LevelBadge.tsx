import type { CheckLevel } from '../../../../shared/domain/check-run.ts'

/** must: a failure fails the run (exit 1 in CI); should: said, not fatal. */
export function LevelBadge({ level }: { level: CheckLevel }) {
  return (
    <span
      className={level === 'must' ? 'badge chk-level is-must' : 'badge chk-level'}
      title={level === 'must' ? 'A failure fails the run' : 'Recommended: a failure is reported, not fatal'}
    >
      {level}
    </span>
  )
}
