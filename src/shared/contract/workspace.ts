import { z } from 'zod'
import { SettingsSchema, StorageStatsSchema, UpdateSettingsInputSchema } from '../settings.ts'
import {
  ExportWorkspaceInputSchema,
  ImportWorkspaceInputSchema,
  ImportWorkspaceOutputSchema,
  WorkspaceDocumentSchema,
} from '../workspace.ts'
import { defineOperation } from './define.ts'

/** Settings, storage and the workspace as a file (the store issue). */
export const workspaceOperations = {
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
