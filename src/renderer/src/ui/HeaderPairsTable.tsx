import { REDACTED } from '../../../shared/redacted.ts'

/**
 * Name/value pairs in the order they came, duplicates kept (their place is their identity). A
 * value the server masked (`••••`: a credential not revealed) is styled as such.
 */
export function HeaderPairsTable({
  headers,
  label,
}: {
  headers: ReadonlyArray<[string, string]>
  label: string
}) {
  if (headers.length === 0) return <p className="muted">None.</p>
  return (
    <table className="pairs-table" aria-label={label}>
      <tbody>
        {headers.map(([name, value], index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a header may repeat; its position is what tells the two apart.
          <tr key={`${index}-${name}`}>
            <th scope="row">{name}</th>
            <td className={value === REDACTED ? 'is-masked' : undefined}>{value}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
