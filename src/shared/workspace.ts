import { z } from 'zod'

/**
 * A secret in an exported workspace. `value` is the plaintext when the user opted in to include
 * secrets, null when it was redacted; import seals plaintext with the target machine's key and
 * reports redacted ones so the user can enter them again.
 */
export const SecretMarkerSchema = z.strictObject({ $secret: z.string().nullable() })

export const ExportedRecordSchema = z.object({ id: z.string(), at: z.number(), value: z.unknown() })

export const WorkspaceHistorySchema = z.strictObject({
  events: z.array(ExportedRecordSchema).default([]),
  messages: z.array(ExportedRecordSchema).default([]),
  attempts: z.array(ExportedRecordSchema).default([]),
  requests: z.array(ExportedRecordSchema).default([]),
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
  /** merge: entities with the same id are replaced, others kept; replace: the file becomes the configuration. */
  mode: z.enum(['merge', 'replace']).default('merge'),
})

export const ImportWorkspaceOutputSchema = z.object({
  mode: z.enum(['merge', 'replace']),
  config: z.record(z.string(), z.number().int()),
  history: z.record(z.string(), z.number().int()),
  /** Paths of secrets that were redacted in the file: they are empty now and must be entered again. */
  secrets_missing: z.array(z.string()),
})
export type ImportWorkspaceOutput = z.infer<typeof ImportWorkspaceOutputSchema>
