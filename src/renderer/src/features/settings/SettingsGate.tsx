import type { ReactNode } from 'react'
import type { Settings } from '../../../../shared/settings.ts'
import { useAppStore } from '../../state/index.ts'

/** Renders its children once the settings are loaded; until then says why they are not. */
export function SettingsGate({ children }: { children: (settings: Settings) => ReactNode }) {
  const settings = useAppStore((state) => state.settings.value)
  const status = useAppStore((state) => state.settings.status)
  const error = useAppStore((state) => state.settings.error)
  const loadSettings = useAppStore((state) => state.loadSettings)

  if (settings) return children(settings)
  if (status === 'error') {
    return (
      <div className="inline-error" role="alert">
        <p>
          Could not load the settings: {error?.message ?? 'no answer from Hookbench.'}{' '}
          {error ? <code className="error-code">{error.code}</code> : null}
        </p>
        <button type="button" className="button button-small" onClick={() => void loadSettings()}>
          Retry
        </button>
      </div>
    )
  }
  return <p className="muted">Loading settings…</p>
}
