import type { ReactNode } from 'react'
import type { RowAction } from '../../state/index.ts'
import { ConfirmButton } from './ConfirmButton.tsx'
import { SecretValue } from './SecretValue.tsx'

interface Client {
  id: string
  client_id: string
}

interface ClientTableProps<C extends Client> {
  /** The table's accessible name: "OAuth clients". */
  label: string
  clients: C[] | null
  /** What an empty list says (what a client is for). */
  empty: ReactNode
  /** The column between the secret and the actions: its heading and each client's cell. */
  column: { title: string; cell: (client: C) => ReactNode }
  /** The row being saved or deleted, and the last failure. */
  action: RowAction
  /** Secrets the user revealed, by client id. */
  revealed: Record<string, string>
  onReveal: (id: string) => void
  onHide: (id: string) => void
  onDelete: (id: string) => void
  /** Clients that can be edited get an Edit button. */
  onEdit?: (id: string) => void
}

/** Emulator clients (mock OAuth2 server, QuicklySign): id, secret masked until revealed, delete. */
export function ClientTable<C extends Client>({
  label,
  clients,
  empty,
  column,
  action,
  revealed,
  onReveal,
  onHide,
  onDelete,
  onEdit,
}: ClientTableProps<C>) {
  if (!clients) return <p className="muted">Loading the clients…</p>
  if (clients.length === 0) return <p className="settings-empty">{empty}</p>
  return (
    <>
      <table className="data-table" aria-label={label}>
        <thead>
          <tr>
            <th scope="col">Client ID</th>
            <th scope="col">Secret</th>
            <th scope="col">{column.title}</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {clients.map((client) => (
            <tr key={client.id}>
              <th scope="row">
                <code>{client.client_id}</code>
              </th>
              <td>
                <SecretValue
                  revealed={revealed[client.id]}
                  owner={client.client_id}
                  onReveal={() => onReveal(client.id)}
                  onHide={() => onHide(client.id)}
                />
              </td>
              <td>{column.cell(client)}</td>
              <td className="settings-table-actions">
                <div className="settings-actions">
                  {onEdit ? (
                    <button
                      type="button"
                      className="button button-small"
                      aria-label={`Edit ${client.client_id}`}
                      onClick={() => onEdit(client.id)}
                    >
                      Edit
                    </button>
                  ) : null}
                  <ConfirmButton
                    label="Delete"
                    what={client.client_id}
                    busy={action.status === 'saving' && action.id === client.id}
                    onConfirm={() => onDelete(client.id)}
                  />
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {action.status === 'error' && action.error ? (
        <p className="inline-error" role="alert">
          {action.error.message} <code className="error-code">{action.error.code}</code>
        </p>
      ) : null}
    </>
  )
}
