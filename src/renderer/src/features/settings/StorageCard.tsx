import { retentionKinds, type StorageStats } from '../../../../shared/settings.ts'
import { useAppStore } from '../../state/index.ts'
import { CopyButton } from '../../ui/CopyButton.tsx'
import { formatBytes, formatCount, kindLabels, plural } from '../../ui/format.ts'
import { TableHead } from '../../ui/TableHead.tsx'
import { SettingsCard } from './SettingsCard.tsx'

export function StorageCard() {
  const storage = useAppStore((state) => state.storage)
  const loadStorage = useAppStore((state) => state.loadStorage)
  const loading = storage.status === 'loading'

  const refresh = (
    <button
      type="button"
      className="button button-small"
      onClick={() => void loadStorage()}
      disabled={loading}
    >
      {loading ? 'Refreshing…' : 'Refresh'}
    </button>
  )

  return (
    <SettingsCard
      id="storage"
      title="Storage"
      description="Where this workspace lives on disk, and how much history it holds."
      actions={refresh}
    >
      {storage.error ? (
        <p className="inline-error" role="alert">
          Could not read the storage figures: {storage.error.message}{' '}
          <code className="error-code">{storage.error.code}</code>
        </p>
      ) : null}
      {storage.value ? (
        <StorageDetails stats={storage.value} />
      ) : storage.error ? null : (
        <p className="muted">Reading the data folder…</p>
      )}
    </SettingsCard>
  )
}

function StorageDetails({ stats }: { stats: StorageStats }) {
  return (
    <>
      <dl className="settings-list">
        <div className="settings-row">
          <dt>Data folder</dt>
          <dd>
            <code className="settings-value">{stats.data_dir}</code>
            <CopyButton text={stats.data_dir} />
          </dd>
        </div>
        <div className="settings-row">
          <dt>Secrets at rest</dt>
          <dd>
            <SecretsProtection kind={stats.secrets} />
          </dd>
        </div>
      </dl>
      <table className="data-table" aria-label="History on disk">
        <TableHead
          columns={['Kind', ['Records', 'is-number'], ['Segments', 'is-number'], ['Size', 'is-number']]}
        />
        <tbody>
          {retentionKinds.map((kind) => {
            const figures = stats.kinds[kind]
            return (
              <tr key={kind} data-kind={kind}>
                <th scope="row">{kindLabels[kind]}</th>
                <td className="is-number">{formatCount(figures.records)}</td>
                <td className="is-number">{formatCount(figures.segments)}</td>
                <td className="is-number" title={`${formatCount(figures.bytes)} bytes`}>
                  {formatBytes(figures.bytes)}
                </td>
              </tr>
            )
          })}
        </tbody>
      </table>
      <DamagedLines stats={stats} />
    </>
  )
}

/** Lines of the record logs that did not hold a valid record: kept aside, never dropped unsaid. */
function DamagedLines({ stats }: { stats: StorageStats }) {
  const damaged = retentionKinds.filter((kind) => stats.kinds[kind].damaged.lines > 0)
  if (damaged.length === 0) return null
  return (
    <div className="inline-error" role="alert" aria-label="Damaged records">
      {damaged.map((kind) => {
        const { lines, files } = stats.kinds[kind].damaged
        return (
          <p key={kind} data-kind={kind}>
            <strong className="text-warn">
              {kindLabels[kind]}: {plural(lines, 'damaged line')} kept aside.
            </strong>{' '}
            {lines === 1 ? 'It' : 'They'} did not hold a valid record and {lines === 1 ? 'was' : 'were'} moved
            byte for byte, out of the history, to{' '}
            {files.map((file) => (
              <span key={file}>
                <code className="settings-value">{file}</code> <CopyButton text={file} />{' '}
              </span>
            ))}
            — every other record is readable. Delete the {files.length === 1 ? 'file' : 'files'} once you no
            longer need {files.length === 1 ? 'it' : 'them'}.
          </p>
        )
      })}
    </div>
  )
}

function SecretsProtection({ kind }: { kind: StorageStats['secrets'] }) {
  switch (kind) {
    case 'os-keychain':
      return <span className="settings-value">Encrypted with the OS keychain.</span>
    case 'key-file':
      return (
        <span className="settings-value">
          Encrypted with the key file <code>secrets.key</code> (0600) in the data folder —{' '}
          <strong className="text-warn">anyone who can read that folder can read your secrets.</strong>
        </span>
      )
    default: {
      const unreachable: never = kind
      return unreachable
    }
  }
}
