import type { Api, OperationInput } from '../../../../shared/contract/index.ts'
import type { ErrorBody } from '../../../../shared/errors.ts'
import type { ImportWorkspaceOutput } from '../../../../shared/workspace.ts'
import { ApiError, toErrorBody } from '../../api/api-error.ts'
import type { SliceCreator } from '../../state/slice.ts'

export type ImportMode = 'merge' | 'replace'

export interface ExportOptions {
  includeHistory: boolean
  includeSecrets: boolean
}

export interface WorkspaceExportState {
  status: 'idle' | 'working' | 'done' | 'error'
  /** The name the last export was downloaded as. */
  fileName: string | null
  error: ErrorBody | null
}

export interface WorkspaceImportState {
  status: 'idle' | 'working' | 'done' | 'error'
  result: ImportWorkspaceOutput | null
  error: ErrorBody | null
}

export interface WorkspaceSlice {
  workspaceExport: WorkspaceExportState
  workspaceImport: WorkspaceImportState
  /** Asks for the workspace document and downloads it as hookbench-workspace-YYYY-MM-DD.json. */
  exportWorkspace: (options: ExportOptions) => Promise<void>
  /** Reads a JSON file and imports it; the server validates it whole and changes nothing if it is invalid. */
  importWorkspace: (file: File, mode: ImportMode) => Promise<void>
  /** Forgets the last import result (a new file was chosen). */
  resetImport: () => void
}

export function createWorkspaceSlice(api: Api): SliceCreator<WorkspaceSlice> {
  return (set, get) => ({
    workspaceExport: { status: 'idle', fileName: null, error: null },
    workspaceImport: { status: 'idle', result: null, error: null },

    exportWorkspace: async ({ includeHistory, includeSecrets }) => {
      if (get().workspaceExport.status === 'working') return
      set({ workspaceExport: { status: 'working', fileName: null, error: null } })
      try {
        const document = await api.exportWorkspace({
          include_history: includeHistory,
          include_secrets: includeSecrets,
        })
        const fileName = exportFileName(new Date())
        downloadJson(fileName, document)
        set({ workspaceExport: { status: 'done', fileName, error: null } })
      } catch (error) {
        set({ workspaceExport: { status: 'error', fileName: null, error: toErrorBody(error) } })
      }
    },

    importWorkspace: async (file, mode) => {
      if (get().workspaceImport.status === 'working') return
      set({ workspaceImport: { status: 'working', result: null, error: null } })
      try {
        const document = await readJsonObject(file)
        // The server is the one judge of the document (it answers which field is wrong), so the
        // file goes as it is, with the mode inside the body.
        const input = { ...document, mode } as OperationInput<'importWorkspace'>
        const result = await api.importWorkspace(input)
        set({ workspaceImport: { status: 'done', result, error: null } })
      } catch (error) {
        set({ workspaceImport: { status: 'error', result: null, error: toErrorBody(error) } })
        return
      }
      // An import brings records and may bring settings (a merge takes the file's settings).
      void get().loadStorage()
      void get().loadSettings()
    },

    resetImport: () => set({ workspaceImport: { status: 'idle', result: null, error: null } }),
  })
}

/** hookbench-workspace-2025-03-07.json, in the user's own calendar day. */
export function exportFileName(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0')
  return `hookbench-workspace-${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}.json`
}

function downloadJson(fileName: string, value: unknown): void {
  const blob = new Blob([`${JSON.stringify(value, null, 2)}\n`], { type: 'application/json' })
  const url = URL.createObjectURL(blob)
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  link.hidden = true
  document.body.append(link)
  link.click()
  link.remove()
  // The click has started the download; give the browser a moment before the URL goes away.
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000)
}

async function readJsonObject(file: File): Promise<Record<string, unknown>> {
  let json: unknown
  try {
    json = JSON.parse(await file.text())
  } catch {
    throw notAWorkspace(`${file.name} is not a JSON file, so it cannot be a Hookbench workspace.`)
  }
  if (json === null || typeof json !== 'object' || Array.isArray(json)) {
    throw notAWorkspace(`${file.name} holds JSON, but not a Hookbench workspace (a JSON object).`)
  }
  return json as Record<string, unknown>
}

/** A file refused before it was sent reads like a server refusal. */
function notAWorkspace(message: string): ApiError {
  return new ApiError('bad_request', message)
}
