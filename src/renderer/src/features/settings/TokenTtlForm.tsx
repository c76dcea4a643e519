import { type FormEvent, useState } from 'react'
import { MAX_TOKEN_TTL_S } from '../../../../shared/domain/oauth-client.ts'
import { useAppStore } from '../../state/index.ts'
import { DiscardGuard } from '../../ui/ConfirmDiscard.tsx'
import { issuesOf } from '../../ui/error-issues.ts'
import { formatCount } from '../../ui/format.ts'
import { TextField } from './TextField.tsx'

/** How long new tokens live; tokens already issued keep their expiry. */
export function TokenTtlForm({ saved }: { saved: number }) {
  const saveState = useAppStore((state) => state.oauthTtlSave)
  const saveTokenTtl = useAppStore((state) => state.saveTokenTtl)
  const resetSaves = useAppStore((state) => state.resetOAuthServerSaves)

  const [basis, setBasis] = useState(saved)
  const [text, setText] = useState(String(saved))
  const [local, setLocal] = useState<string | null>(null)
  if (basis !== saved) {
    setBasis(saved)
    setText(String(saved))
    setLocal(null)
  }

  const serverError = saveState.error
    ? (issuesOf(saveState.error.details).find((issue) => issue.path === 'token_ttl_s')?.message ??
      saveState.error.message)
    : null
  const saving = saveState.status === 'saving'
  const dirty = text.trim() !== String(saved)

  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (!dirty || saving) return
    const seconds = /^\d+$/.test(text.trim()) ? Number(text.trim()) : Number.NaN
    if (!(seconds >= 1 && seconds <= MAX_TOKEN_TTL_S)) {
      return setLocal(`Enter whole seconds from 1 to ${formatCount(MAX_TOKEN_TTL_S)} (366 days).`)
    }
    void saveTokenTtl(seconds)
  }

  return (
    <form className="settings-form" onSubmit={submit} noValidate>
      <TextField
        id="oauth-token-ttl"
        label="Token TTL"
        inputMode="numeric"
        inputClassName="settings-input-narrow"
        value={text}
        onValue={(next) => {
          setText(next)
          setLocal(null)
          resetSaves()
        }}
        error={local ?? serverError ?? undefined}
        hint={`For tokens issued from now on; those already issued keep their expiry. Now ${humanDuration(saved)}.`}
        after={
          <>
            <span className="settings-limit-unit">seconds</span>
            <button type="submit" className="button" disabled={!dirty || saving}>
              {saving ? 'Saving…' : 'Save TTL'}
            </button>
            <span className="form-status" role="status">
              {saveState.status === 'saved' && !dirty ? 'TTL saved.' : ''}
            </span>
          </>
        }
      />
      <DiscardGuard unsaved={dirty} />
    </form>
  )
}

/** 3600 → "1 h", 90 → "1 min 30 s": enough to check the number typed means what was meant. */
export function humanDuration(seconds: number): string {
  const parts: string[] = []
  const units: ReadonlyArray<[number, string]> = [
    [86_400, 'd'],
    [3600, 'h'],
    [60, 'min'],
    [1, 's'],
  ]
  let rest = seconds
  for (const [size, unit] of units) {
    const count = Math.floor(rest / size)
    if (count > 0) parts.push(`${count} ${unit}`)
    rest -= count * size
  }
  return parts.slice(0, 2).join(' ') || '0 s'
}
