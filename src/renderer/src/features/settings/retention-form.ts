import type { ErrorBody } from '../../../../shared/errors.ts'
import {
  type Retention,
  type RetentionKind,
  type RetentionLimit,
  retentionKinds,
} from '../../../../shared/settings.ts'
import type { RetentionPatch } from '../../state/index.ts'
import { placeIssues } from '../../ui/error-issues.ts'

export const limitFields = ['max_age_days', 'max_count'] as const
export type LimitField = (typeof limitFields)[number]

/** One input as the user left it: the text typed, and whether "No limit" is ticked. */
export interface FieldDraft {
  text: string
  unlimited: boolean
}

export type RetentionDraft = Record<RetentionKind, Record<LimitField, FieldDraft>>

/** `retention.messages.max_age_days`: the path the contract names a field by, and our key for it. */
export type FieldPath = `retention.${RetentionKind}.${LimitField}`

export function fieldPath(kind: RetentionKind, field: LimitField): FieldPath {
  return `retention.${kind}.${field}`
}

export function draftOf(retention: Retention): RetentionDraft {
  const fieldDraft = (value: number | null): FieldDraft =>
    value === null ? { text: '', unlimited: true } : { text: String(value), unlimited: false }
  return mapKinds((kind) => ({
    max_age_days: fieldDraft(retention[kind].max_age_days),
    max_count: fieldDraft(retention[kind].max_count),
  }))
}

/** A field's value as the contract wants it: null for no limit, NaN for a box left empty. */
function limitValue(draft: FieldDraft): number | null {
  if (draft.unlimited) return null
  const text = draft.text.trim()
  return text === '' ? Number.NaN : Number(text)
}

function sameValue(a: number | null, b: number | null): boolean {
  return a === b || (a !== null && b !== null && Number.isNaN(a) && Number.isNaN(b))
}

/** The kinds whose limits differ from what is stored, as an `updateSettings` retention patch. */
export function changedKinds(draft: RetentionDraft, saved: Retention): RetentionPatch {
  const patch: RetentionPatch = {}
  for (const kind of retentionKinds) {
    const limit: RetentionLimit = {
      max_age_days: limitValue(draft[kind].max_age_days),
      max_count: limitValue(draft[kind].max_count),
    }
    const changed = limitFields.some((field) => !sameValue(limit[field], saved[kind][field]))
    if (changed) patch[kind] = limit
  }
  return patch
}

/**
 * What can be said before asking the server: an empty box is neither a number nor "no limit".
 * Everything else (zero, negative, fractional counts) is the contract's to judge.
 */
export function localErrors(patch: RetentionPatch): Partial<Record<FieldPath, string>> {
  const errors: Partial<Record<FieldPath, string>> = {}
  for (const kind of retentionKinds) {
    for (const field of limitFields) {
      const value = patch[kind]?.[field]
      if (value !== undefined && value !== null && Number.isNaN(value)) {
        errors[fieldPath(kind, field)] = 'Enter a number, or tick “No limit”.'
      }
    }
  }
  return errors
}

/**
 * Splits a refusal into messages per field (from `details.issues[].path`) and what names no field
 * of this form, so each message can be shown where it belongs.
 */
export function errorsByField(error: ErrorBody | null): {
  fields: Partial<Record<FieldPath, string>>
  general: string | null
} {
  const known = new Set<string>(
    retentionKinds.flatMap((kind) => limitFields.map((field) => fieldPath(kind, field))),
  )
  return placeIssues(error, (path) => (known.has(path) ? (path as FieldPath) : null))
}

function mapKinds<T>(make: (kind: RetentionKind) => T): Record<RetentionKind, T> {
  return {
    events: make('events'),
    messages: make('messages'),
    attempts: make('attempts'),
    requests: make('requests'),
    check_runs: make('check_runs'),
  }
}
