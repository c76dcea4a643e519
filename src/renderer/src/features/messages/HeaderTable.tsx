import type { HeaderList } from './header-diff.ts'
import { isMaskedHeader, shownValue } from './masking.ts'

interface HeaderTableProps {
  headers: HeaderList
  label: string
  revealed: boolean
}

/** Every header in the order it was sent; credentials and signatures masked until revealed. */
export function HeaderTable({ headers, label, revealed }: HeaderTableProps) {
  if (headers.length === 0) return <p className="muted">No headers.</p>
  return (
    <table className="messages-header-table" aria-label={label}>
      <tbody>
        {headers.map(([name, value], index) => {
          const masked = !revealed && isMaskedHeader(name, value)
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: a header may repeat; its place in the list is its identity.
            <tr key={`${name}-${index}`}>
              <th scope="row">{name}</th>
              <td className={masked ? 'is-masked' : undefined}>{shownValue(name, value, revealed)}</td>
            </tr>
          )
        })}
      </tbody>
    </table>
  )
}

export function hasMaskedHeader(headers: HeaderList): boolean {
  return headers.some(([name, value]) => isMaskedHeader(name, value))
}
