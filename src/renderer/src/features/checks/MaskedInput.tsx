import { useState } from 'react'
import { invalidProps } from '../../ui/FormRow.tsx'

interface MaskedInputProps {
  /** Also names the error under it (FormRow's `${htmlFor}-error`). */
  id: string
  value: string
  error: string | undefined
  placeholder?: string
  onChange: (value: string) => void
}

/** A secret typed or filled in: dots until "Show", so a screen share does not give it away. */
export function MaskedInput({ id, value, error, placeholder, onChange }: MaskedInputProps) {
  const [shown, setShown] = useState(false)
  return (
    <div className="chk-masked">
      <input
        id={id}
        className="text-input fill-width text-mono"
        type={shown ? 'text' : 'password'}
        autoComplete="off"
        spellCheck={false}
        placeholder={placeholder}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        {...invalidProps(id, error)}
      />
      <button
        type="button"
        className="button button-small"
        aria-pressed={shown}
        aria-controls={id}
        onClick={() => setShown(!shown)}
      >
        {shown ? 'Hide' : 'Show'}
      </button>
    </div>
  )
}
