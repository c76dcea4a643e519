import { z } from 'zod'

/**
 * A secret in an exported workspace. `$secret` is the plaintext when the user opted in to include
 * secrets, null when it was redacted. Import seals plaintext with the target machine's key; a
 * redacted one means "keep what is stored", and is reported when nothing is stored to keep.
 */
export const SecretMarkerSchema = z.strictObject({ $secret: z.string().nullable() })

export const ExportedRecordSchema = z.object({ id: z.string(), at: z.number(), value: z.unknown() })

export const WorkspaceHistorySchema = z.strictObject({
  events: z.array(ExportedRecordSchema).default([]),
  messages: z.array(ExportedRecordSchema).default([]),
  attempts: z.array(ExportedRecordSchema).default([]),
  requests: z.array(ExportedRecordSchema).default([]),
  /** Check runs; their signing secret and credentials are secrets like any other. */
  check_runs: z.array(ExportedRecordSchema).default([]),
})

export const WorkspaceDocumentSchema = z.object({
  format: z.literal('hookbench-workspace'),
  version: z.literal(1),
  exported_at: z.iso.datetime(),
  includes: z.object({ history: z.boolean(), secrets: z.boolean() }),
  /** The configuration file's content, with every secret as a SecretMarker. */
  config: z.record(z.string(), z.unknown()),
  history: WorkspaceHistorySchema.optional(),
})
export type WorkspaceDocument = z.infer<typeof WorkspaceDocumentSchema>

/** Query strings carry "true"/"false"; IPC carries booleans. Both mean the same. */
export const flagSchema = z.union([z.boolean(), z.stringbool()]).default(false)

export const ExportWorkspaceInputSchema = z.strictObject({
  include_history: flagSchema,
  include_secrets: flagSchema,
})

export const ImportWorkspaceInputSchema = WorkspaceDocumentSchema.extend({
  /**
   * merge: entities with the same id are replaced, others kept; replace: the file becomes the
   * configuration. In both, a redacted secret keeps the value stored for the same entity and field,
   * and history is only added to (records whose id is already here stay as they are).
   */
  mode: z.enum(['merge', 'replace']).default('merge'),
})

export const ImportWorkspaceOutputSchema = z.object({
  mode: z.enum(['merge', 'replace']),
  config: z.record(z.string(), z.number().int()),
  /** History records added, per kind. */
  history: z.record(z.string(), z.number().int()),
  /** History records of the file already here (same id), per kind: kept as they were, not replaced. */
  history_skipped: z.record(z.string(), z.number().int()).default({}),
  /** Paths of secrets redacted in the file that kept the value stored here. */
  secrets_kept: z.array(z.string()).default([]),
  /** Paths of secrets redacted in the file with nothing stored here: empty now, to be entered again. */
  secrets_missing: z.array(z.string()),
})
export type ImportWorkspaceOutput = z.output<typeof ImportWorkspaceOutputSchema>
