import type { Api, Health } from '../../../shared/contract/index.ts'
import { LatestRequest, loadInto } from './loadable.ts'
import type { Loadable, SliceCreator } from './slice.ts'

/** The last good answer stays while a later check fails, so Settings still shows it. */
export type HealthState = Loadable<Health>

export interface HealthSlice {
  health: HealthState
  loadHealth: () => Promise<void>
  /** Checks now and then every `intervalMs`; returns the function that stops checking. */
  watchHealth: (intervalMs: number) => () => void
}

export function createHealthSlice(api: Api): SliceCreator<HealthSlice> {
  return (set, get) => {
    const checks = new LatestRequest()
    return {
      health: { value: null, status: 'idle', error: null },
      loadHealth: async () => {
        // A re-check keeps showing the current state instead of flickering to "loading".
        const landed = await loadInto({ set, get }, 'health', async () => ({ value: await api.health({}) }), {
          latest: checks,
          background: 'report',
        })
        // Back in touch after an outage: fetch what failed meanwhile instead of waiting for a click.
        if (landed && get().catalog.status === 'error') void get().loadCatalog()
      },
      watchHealth: (intervalMs) => {
        void get().loadHealth()
        const timer = window.setInterval(() => void get().loadHealth(), intervalMs)
        return () => window.clearInterval(timer)
      },
    }
  }
}
