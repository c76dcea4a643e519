import { type KeyboardEvent, useState } from 'react'
import { addScopes } from './client-form.ts'

interface ScopesInputProps {
  id: string
  scopes: string[]
  onScopes: (scopes: string[]) => void
  /** The words typed but not yet turned into chips; the form adds them on submit. */
  pending: string
  onPending: (text: string) => void
  error?: string | undefined
}

/** Scopes as chips: type one and press Enter, space or comma; × (or Backspace in an empty box) removes. */
export function ScopesInput({ id, scopes, onScopes, pending, onPending, error }: ScopesInputProps) {
  const [announce, setAnnounce] = useState('')

  const commit = () => {
    if (pending.trim() === '') return false
    onScopes(addScopes(scopes, pending))
    setAnnounce(`Added ${pending.trim()}.`)
    onPending('')
    return true
  }

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter' || event.key === ',' || event.key === ' ') {
      // An empty box lets Enter submit the form; otherwise the key turns the text into a chip.
      if (commit() || event.key !== 'Enter') event.preventDefault()
    } else if (event.key === 'Backspace' && pending === '' && scopes.length > 0) {
      const last = scopes.at(-1)
      onScopes(scopes.slice(0, -1))
      setAnnounce(`Removed ${last}.`)
    }
  }

  const described = [`${id}-hint`, error ? `${id}-error` : null].filter(Boolean).join(' ')
  return (
    <div className="settings-field-row">
      <label className="settings-field-label" htmlFor={id}>
        Scopes
      </label>
      <div className="settings-field-control">
        <div className="settings-scopes">
          {scopes.length > 0 ? (
            <ul className="settings-chips" aria-label="Allowed scopes">
              {scopes.map((scope) => (
                <li key={scope} className="settings-chip">
                  <code>{scope}</code>
                  <button
                    type="button"
                    className="settings-chip-remove"
                    aria-label={`Remove scope ${scope}`}
                    onClick={() => {
                      onScopes(scopes.filter((each) => each !== scope))
                      setAnnounce(`Removed ${scope}.`)
                    }}
                  >
                    ×
                  </button>
                </li>
              ))}
            </ul>
          ) : null}
          <input
            id={id}
            className="text-input settings-mono settings-input-wide"
            value={pending}
            placeholder={scopes.length > 0 ? 'Add another scope' : 'e.g. webhooks:write'}
            autoComplete="off"
            spellCheck={false}
            aria-invalid={error ? true : undefined}
            aria-describedby={described}
            onChange={(event) => onPending(event.target.value)}
            onKeyDown={onKeyDown}
            onBlur={() => void commit()}
          />
        </div>
        <p id={`${id}-hint`} className="field-hint">
          What the client may ask for. A token request without <code>scope</code> gets all of them.
        </p>
        {error ? (
          <p id={`${id}-error`} className="field-error">
            {error}
          </p>
        ) : null}
        <span className="visually-hidden" role="status">
          {announce}
        </span>
      </div>
    </div>
  )
}
