import { type FormEvent, type ReactNode, useId, useState } from 'react'
import { useAppStore } from '../../state/index.ts'
import { subscriptionHref } from '../../state/routes.ts'
import { errorText } from '../../ui/error-issues.ts'
import type { MessageReplayState, ReplayMode, ReplayResult } from './message-detail-slice.ts'

interface ReplayFormProps {
  subscriptionId: string
  /** The message is waiting for a retry, or being delivered. */
  pending: boolean
}

/** Replay: the same message_id (a receiver's dedupe sees it again) or a new one, optionally elsewhere. */
export function ReplayForm({ subscriptionId, pending }: ReplayFormProps) {
  const replay = useAppStore((state) => state.messageReplay)
  const replayMessage = useAppStore((state) => state.replayMessage)
  const clearOutcome = useAppStore((state) => state.clearReplayOutcome)
  const disabled = useAppStore(
    (state) => state.subscriptionLabels.items.find((label) => label.id === subscriptionId)?.enabled === false,
  )
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
  // What the last replay said no longer describes the form once it changes.
  const edit = <T,>(apply: (value: T) => void, value: T) => {
    apply(value)
    clearOutcome()
  }

  return (
    <div className="messages-replay">
      <form className="messages-replay-form" onSubmit={submit} aria-label="Replay">
        <fieldset className="segmented" aria-label="Replay with">
          <label className="segment">
            <input
              type="radio"
              name={name}
              checked={mode === 'same-id'}
              onChange={() => edit(setMode, 'same-id')}
            />
            <span>Same message_id</span>
          </label>
          <label className="segment">
            <input
              type="radio"
              name={name}
              checked={mode === 'new-id'}
              onChange={() => edit(setMode, 'new-id')}
            />
            <span>New message_id</span>
          </label>
        </fieldset>
        <label className="check">
          <input
            type="checkbox"
            checked={elsewhere}
            onChange={(event) => edit(setElsewhere, event.target.checked)}
          />
          <span>To another URL</span>
        </label>
        {elsewhere ? (
          <input
            className="text-input messages-replay-url"
            type="url"
            aria-label="Replay to URL"
            placeholder="http://localhost:3000/webhooks"
            aria-invalid={url !== '' && urlInvalid}
            value={url}
            onChange={(event) => edit(setUrl, event.target.value)}
          />
        ) : null}
        <button type="submit" className="button button-primary" disabled={working || urlInvalid}>
          {working ? 'Replaying…' : 'Replay'}
        </button>
        <span className="form-status" role="status">
          {replay.status === 'done' && replay.result ? successText(replay.result) : ''}
        </span>
      </form>
      <ReplayNote
        replay={replay}
        hint={
          disabled && !elsewhere ? (
            <>
              Its subscription is disabled: replay to another URL, or{' '}
              <a href={subscriptionHref({ kind: 'edit', id: subscriptionId })}>enable it</a> first.
            </>
          ) : pending && mode === 'same-id' ? (
            'Not settled yet: a same-id replay starts a new delivery cycle now, or right after the attempt in flight.'
          ) : null
        }
      />
    </div>
  )
}

function successText(result: ReplayResult): string {
  if (result.queued) return 'Queued: runs right after the attempt in flight.'
  return result.mode === 'same-id' ? 'Replayed; the new attempt appears below.' : 'Replayed as a new message.'
}

/** Under the form: why the last replay was refused, else what to know before replaying. */
function ReplayNote({ replay, hint }: { replay: MessageReplayState; hint: ReactNode }) {
  if (replay.status === 'error' && replay.error) {
    return (
      <p className="inline-error replay-error" role="alert">
        Could not replay: {errorText(replay.error)}
      </p>
    )
  }
  return hint ? <p className="messages-replay-hint muted">{hint}</p> : null
}
