/** A read-only JSON value, pretty-printed, for previews. */
export function JsonBlock({ value, label }: { value: unknown; label: string }) {
  const text = value === undefined ? '' : JSON.stringify(value, null, 2)
  return (
    <pre className="code preview-code" data-testid={label}>
      <code>{text}</code>
    </pre>
  )
}
