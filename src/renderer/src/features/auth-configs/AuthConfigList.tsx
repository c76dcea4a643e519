import type { AuthConfig } from '../../../../shared/domain/auth-config.ts'
import type { Subscription } from '../../../../shared/domain/subscription.ts'
import { type EditorTarget, useAppStore } from '../../state/index.ts'
import { authTypeLabels, shortId } from '../../ui/auth-labels.ts'
import { EditorListRow } from '../../ui/EditorListRow.tsx'
import { relativeTime } from '../../ui/format.ts'
import { TableHead } from '../../ui/TableHead.tsx'

const NO_SUBSCRIPTIONS: Subscription[] = []

/** One row per config; a click anywhere on a row, or Enter on it, opens it in the editor. */
export function AuthConfigList({ items, editor }: { items: AuthConfig[]; editor: EditorTarget }) {
  const subscriptions = useAppStore((state) => state.subscriptions.value) ?? NO_SUBSCRIPTIONS
  const open = useAppStore((state) => state.openAuthConfigEditor)
  const users = (id: string) => subscriptions.filter((item) => item.auth_config_id === id).length
  return (
    <table className="data-table list-table" aria-label="Auth configs">
      <TableHead
        columns={[
          'Type',
          'Key',
          ['Token URL · scope', 'col-url'],
          'Secret',
          'Used by',
          ['Modified', 'col-modified'],
        ]}
      />
      <tbody>
        {items.map((config) => {
          const selected = editor?.kind === 'edit' && editor.id === config.id
          const count = users(config.id)
          return (
            <EditorListRow
              key={config.id}
              selected={selected}
              onOpen={() => open({ kind: 'edit', id: config.id })}
              name={authTypeLabels[config.auth_type]}
              sub={<code>{shortId(config.id)}</code>}
            >
              <td>{config.key ? <code>{config.key}</code> : <span className="muted">—</span>}</td>
              <td className="col-url">
                {config.token_url ? (
                  <code className="url-cell" title={config.token_url}>
                    {config.token_url}
                  </code>
                ) : null}
                {config.scope ? <span className="row-sub">scope {config.scope}</span> : null}
                {!config.token_url && !config.scope ? <span className="muted">—</span> : null}
              </td>
              <td>{config.secret ? <code>{config.secret}</code> : <span className="muted">—</span>}</td>
              <td>
                {count === 0 ? (
                  <span className="muted">unused</span>
                ) : (
                  `${count} ${count === 1 ? 'subscription' : 'subscriptions'}`
                )}
              </td>
              <td className="col-modified muted" title={config.modified_at}>
                {relativeTime(config.modified_at)}
              </td>
            </EditorListRow>
          )
        })}
      </tbody>
    </table>
  )
}
