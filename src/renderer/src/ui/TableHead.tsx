/** A column: its heading, or its heading and the class its cells share (`is-number`, `col-url`). */
export type Column = string | readonly [label: string, className: string]

/** A table's one header row. */
export function TableHead({ columns }: { columns: readonly Column[] }) {
  return (
    <thead>
      <tr>
        {columns.map((column) => {
          const [label, className] = typeof column === 'string' ? [column, undefined] : column
          return (
            <th key={label} scope="col" className={className}>
              {label}
            </th>
          )
        })}
      </tr>
    </thead>
  )
}
