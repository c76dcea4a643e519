import { type FormEvent, useId, useState } from 'react'
import { useAppStore } from '../../stores/index.ts'
import type { ReplayMode } from '../../stores/message-detail-slice.ts'

/** Replay: the same message_id (a receiver's dedupe sees it again) or a new one, optionally elsewhere. */
export function ReplayForm({ pending }: { pending: boolean }) {
  const replay = useAppStore((state) => state.messageReplay)
  const replayMessage = useAppStore((state) => state.replayMessage)
  const [mode, setMode] = useState<ReplayMode>('same-id')
  const [elsewhere, setElsewhere] = useState(false)
  const [url, setUrl] = useState('')
  const name = useId()
  const urlInvalid = elsewhere && !/^https?:\/\/\S+$/.test(url.trim())
  const working = replay.status === 'working'

  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (urlInvalid) return
    void replayMessage(mode, elsewhere ? url.trim() : null)
  }

  return (
    <form className="replay-form" onSubmit={submit} aria-label="Replay">
      <fieldset className="segmented" aria-label="Replay with">
        <label className="segment">
          <input type="radio" name={name} checked={mode === 'same-id'} onChange={() => setMode('same-id')} />
          <span>Same message_id</span>
        </label>
        <label className="segment">
          <input type="radio" name={name} checked={mode === 'new-id'} onChange={() => setMode('new-id')} />
          <span>New message_id</span>
        </label>
      </fieldset>
      <label className="check">
        <input type="checkbox" checked={elsewhere} onChange={(event) => setElsewhere(event.target.checked)} />
        <span>To another URL</span>
      </label>
      {elsewhere ? (
        <input
          className="text-input replay-url"
          type="url"
          aria-label="Replay to URL"
          placeholder="http://localhost:3000/webhooks"
          aria-invalid={url !== '' && urlInvalid}
          value={url}
          onChange={(event) => setUrl(event.target.value)}
        />
      ) : null}
      <button type="submit" className="button button-primary" disabled={working || urlInvalid}>
        {working ? 'Replaying…' : 'Replay'}
      </button>
      <span className="form-status" role="status">
        {replay.status === 'done' && replay.result
          ? replay.result.mode === 'same-id'
            ? 'Replayed; the new attempt appears below.'
            : 'Replayed as a new message.'
          : pending && mode === 'same-id'
            ? 'Still being delivered: a same-id replay waits until it settles.'
            : ''}
      </span>
      {replay.status === 'error' && replay.error ? (
        <p className="inline-error" role="alert">
          Could not replay: {replay.error.message}
        </p>
      ) : null}
    </form>
  )
}
