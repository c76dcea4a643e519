import { type KeyboardEvent, useEffect, useId, useMemo, useRef, useState } from 'react'
import { useAppStore } from '../../state/index.ts'
import { confirmLeave } from '../../state/unsaved-edits.ts'
import { commandsFor } from './commands.ts'

/** Ctrl+K / Cmd+K anywhere: jump to a page, open a message by id, run an action. Keyboard only. */
export function CommandPalette() {
  const [open, setOpen] = useState(false)

  useEffect(() => {
    const onKey = (event: globalThis.KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'k') {
        event.preventDefault()
        setOpen((was) => !was)
      }
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [])

  return open ? <PaletteDialog onClose={() => setOpen(false)} /> : null
}

function PaletteDialog({ onClose }: { onClose: () => void }) {
  const [query, setQuery] = useState('')
  const [active, setActive] = useState(0)
  const input = useRef<HTMLInputElement>(null)
  const listId = useId()
  // The commands depend on what is selected where; read once per keystroke, not subscribed.
  const commands = useMemo(() => commandsFor(query, useAppStore.getState()), [query])
  const current = Math.min(active, commands.length - 1)

  // Focus goes into the palette, and back to where it was when the palette closes.
  useEffect(() => {
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : null
    input.current?.focus()
    return () => before?.focus({ preventScroll: true })
  }, [])

  const run = (index: number) => {
    const command = commands[index]
    if (!command) return
    onClose()
    // Commands go elsewhere: a form's unsaved edits are asked about first (and kept if the user says so).
    if (command.staysHere) command.run(useAppStore.getState())
    else confirmLeave(() => command.run(useAppStore.getState()))
  }

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    switch (event.key) {
      case 'Escape':
        event.preventDefault()
        event.stopPropagation()
        onClose()
        return
      case 'ArrowDown':
        event.preventDefault()
        setActive(commands.length === 0 ? 0 : (current + 1) % commands.length)
        return
      case 'ArrowUp':
        event.preventDefault()
        setActive(commands.length === 0 ? 0 : (current - 1 + commands.length) % commands.length)
        return
      case 'Enter':
        event.preventDefault()
        run(current)
        return
      case 'Tab':
        // The focus stays in the palette: its one field is where typing and arrows work.
        event.preventDefault()
        input.current?.focus()
        return
      default:
    }
  }

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: the backdrop only closes on a pointer click; keys go to the dialog.
    <div className="palette-backdrop" onMouseDown={onClose}>
      <div
        className="palette"
        role="dialog"
        aria-modal="true"
        aria-label="Command palette"
        onKeyDown={onKeyDown}
        onMouseDown={(event) => event.stopPropagation()}
      >
        <input
          ref={input}
          className="palette-input"
          type="text"
          role="combobox"
          aria-expanded="true"
          aria-controls={listId}
          aria-activedescendant={commands[current] ? `${listId}-${current}` : undefined}
          aria-label="Command"
          placeholder="Go to a page, paste a message_id, or run an action…"
          autoComplete="off"
          spellCheck={false}
          value={query}
          onChange={(event) => {
            setQuery(event.target.value)
            setActive(0)
          }}
        />
        <div id={listId} className="palette-list" role="listbox" aria-label="Commands">
          {commands.length === 0 ? (
            <p className="palette-empty">No command matches “{query}”.</p>
          ) : (
            commands.map((command, index) => (
              // biome-ignore lint/a11y/useKeyWithClickEvents: keys are the combobox's (aria-activedescendant); this is for the pointer.
              <div
                key={command.id}
                id={`${listId}-${index}`}
                role="option"
                tabIndex={-1}
                aria-selected={index === current}
                className="palette-option"
                onMouseDown={(event) => event.preventDefault()}
                onClick={() => run(index)}
                onMouseMove={() => index !== current && setActive(index)}
              >
                <span className="palette-group">{command.group}</span>
                <span className="palette-title">{command.title}</span>
                {command.hint ? <span className="palette-hint">{command.hint}</span> : null}
              </div>
            ))
          )}
        </div>
        <p className="palette-keys" aria-hidden="true">
          ↑ ↓ to choose · Enter to run · Esc to close
        </p>
      </div>
    </div>
  )
}
