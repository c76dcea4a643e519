interface SegmentedProps<V extends string> {
  /** The radios' name: one per group on the page. */
  name: string
  /** The id of the element that names the group. */
  labelledBy: string
  options: ReadonlyArray<{ value: V; label: string }>
  value: V
  onChange: (value: V) => void
}

/**
 * One choice among a few, shown as joined buttons. Native radios: Tab enters the group, the arrow
 * keys move and choose, as everywhere else.
 */
export function Segmented<V extends string>({
  name,
  labelledBy,
  options,
  value,
  onChange,
}: SegmentedProps<V>) {
  return (
    <div className="segmented" role="radiogroup" aria-labelledby={labelledBy}>
      {options.map((option) => (
        <label key={option.value} className="segment">
          <input
            type="radio"
            name={name}
            value={option.value}
            checked={value === option.value}
            onChange={() => onChange(option.value)}
          />
          <span>{option.label}</span>
        </label>
      ))}
    </div>
  )
}
