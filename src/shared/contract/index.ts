import { z } from 'zod'
import { ListEventTypesInputSchema, ListEventTypesOutputSchema } from '../catalog/schema.ts'
import { SettingsSchema, StorageStatsSchema, UpdateSettingsInputSchema } from '../settings.ts'
import {
  ExportWorkspaceInputSchema,
  ImportWorkspaceInputSchema,
  ImportWorkspaceOutputSchema,
  WorkspaceDocumentSchema,
} from '../workspace.ts'
import { defineOperation } from './define.ts'

export const HealthSchema = z.object({
  status: z.literal('ok'),
  name: z.literal('hookbench'),
  version: z.string(),
  mode: z.enum(['desktop', 'headless']),
  started_at: z.iso.datetime(),
  receiver_url: z.string().nullable(),
  api_url: z.string().nullable(),
  data_dir: z.string(),
})
export type Health = z.infer<typeof HealthSchema>

/**
 * The one table of operations (STYLE habit 1). Add an operation here, implement its handler in
 * src/main/core, and IPC, preload, renderer client and HTTP route follow from it.
 */
export const contract = {
  health: defineOperation({
    method: 'GET',
    path: '/api/health',
    summary: 'Liveness and where Hookbench is listening.',
    input: z.strictObject({}),
    output: HealthSchema,
  }),
  listEventTypes: defineOperation({
    method: 'GET',
    path: '/api/event-types',
    summary: 'The event catalog of the emulated systems, each topic with an example payload.',
    input: ListEventTypesInputSchema,
    output: ListEventTypesOutputSchema,
  }),
  getSettings: defineOperation({
    method: 'GET',
    path: '/api/settings',
    summary: 'Theme, notifications and history retention limits.',
    input: z.strictObject({}),
    output: SettingsSchema,
  }),
  updateSettings: defineOperation({
    method: 'PATCH',
    path: '/api/settings',
    summary: 'Changes some settings; fields left out keep their value.',
    input: UpdateSettingsInputSchema,
    output: SettingsSchema,
  }),
  getStorageStats: defineOperation({
    method: 'GET',
    path: '/api/storage',
    summary: 'Where the workspace lives and how much history each kind of record holds.',
    input: z.strictObject({}),
    output: StorageStatsSchema,
  }),
  exportWorkspace: defineOperation({
    method: 'GET',
    path: '/api/export',
    summary: 'The whole workspace as one JSON document; history and secrets only when asked for.',
    input: ExportWorkspaceInputSchema,
    output: WorkspaceDocumentSchema,
  }),
  importWorkspace: defineOperation({
    method: 'POST',
    path: '/api/import',
    summary: 'Imports an exported workspace (?mode=merge|replace); an invalid file changes nothing.',
    input: ImportWorkspaceInputSchema,
    output: ImportWorkspaceOutputSchema,
    maxBodyBytes: 512 * 1024 * 1024,
  }),
} as const

export type Contract = typeof contract
export type OperationName = keyof Contract
export type OperationInput<K extends OperationName> = z.input<Contract[K]['input']>
export type ParsedInput<K extends OperationName> = z.output<Contract[K]['input']>
export type OperationOutput<K extends OperationName> = z.output<Contract[K]['output']>

/** What the renderer calls and what main implements: one async function per operation. */
export type Api = { [K in OperationName]: (input: OperationInput<K>) => Promise<OperationOutput<K>> }
/** What core implements: handlers receive input already parsed by the transport. */
export type Handlers = { [K in OperationName]: (input: ParsedInput<K>) => Promise<OperationOutput<K>> }

export const operationNames = Object.keys(contract) as OperationName[]

/** The IPC channel of an operation; the preload and the main-process wrapper both use this prefix. */
export const IPC_PREFIX = 'hookbench:' as const
