import type { Api, Health } from '../../../shared/contract/index.ts'
import type { ErrorBody } from '../../../shared/errors.ts'
import { toErrorBody } from '../api/api-error.ts'
import type { LoadStatus, SliceCreator } from './slice.ts'

export interface HealthState {
  /** The last good answer; kept while a later check fails, so Settings still shows it. */
  value: Health | null
  status: LoadStatus
  error: ErrorBody | null
}

export interface HealthSlice {
  health: HealthState
  loadHealth: () => Promise<void>
  /** Checks now and then every `intervalMs`; returns the function that stops checking. */
  watchHealth: (intervalMs: number) => () => void
}

export function createHealthSlice(api: Api): SliceCreator<HealthSlice> {
  return (set, get) => ({
    health: { value: null, status: 'idle', error: null },
    loadHealth: async () => {
      // A re-check keeps showing the current state instead of flickering to "loading".
      if (get().health.status === 'idle') set((state) => ({ health: { ...state.health, status: 'loading' } }))
      try {
        const value = await api.health({})
        set({ health: { value, status: 'ready', error: null } })
        // Back in touch after an outage: fetch what failed meanwhile instead of waiting for a click.
        if (get().catalog.status === 'error') void get().loadCatalog()
      } catch (error) {
        set((state) => ({ health: { ...state.health, status: 'error', error: toErrorBody(error) } }))
      }
    },
    watchHealth: (intervalMs) => {
      void get().loadHealth()
      const timer = window.setInterval(() => void get().loadHealth(), intervalMs)
      return () => window.clearInterval(timer)
    },
  })
}
