import { useAppStore } from '../state/index.ts'
import { recoveryFor, reloadPage } from '../ui/recovery.ts'

/** Header badge: is the Hookbench engine answering? On error it says why and offers a retry. */
export function ConnectionIndicator() {
  const health = useAppStore((state) => state.health)
  const loadHealth = useAppStore((state) => state.loadHealth)

  if (health.status === 'error') {
    const message = health.error?.message ?? 'No answer from Hookbench.'
    const recovery = recoveryFor(health.error, 'Check that Hookbench is still running, then retry.')
    return (
      <div className="connection is-error" role="status">
        <span className="connection-dot" aria-hidden="true" />
        <span className="connection-label">Not connected</span>
        <span className="connection-detail" title={`${message}\n${recovery.hint}`}>
          {message}
        </span>
        {recovery.action === 'reload' ? (
          <button type="button" className="button button-small" onClick={reloadPage}>
            Reload
          </button>
        ) : (
          <button type="button" className="button button-small" onClick={() => void loadHealth()}>
            Retry
          </button>
        )}
      </div>
    )
  }
  if (health.status === 'ready' && health.value) {
    const { mode, version } = health.value
    return (
      <div className="connection is-ok" role="status">
        <span className="connection-dot" aria-hidden="true" />
        <span className="connection-label">Connected</span>
        <span className="connection-detail">
          {mode} · v{version}
        </span>
      </div>
    )
  }
  return (
    <div className="connection" role="status">
      <span className="connection-dot" aria-hidden="true" />
      <span className="connection-label">Connecting…</span>
    </div>
  )
}
