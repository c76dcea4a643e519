import { type FormEvent, useEffect, useId, useState } from 'react'
import { type EditorTarget, useAppStore } from '../../state/index.ts'
import { routeOf } from '../../state/routes.ts'
import { DiscardGuard } from '../../ui/ConfirmDiscard.tsx'
import { useConfirmLeave } from '../../ui/leave-guard.ts'
import {
  type BinDraft,
  draftOf,
  emptyStep,
  fieldError,
  formError,
  newBinDraft,
  payloadOf,
} from './bin-draft.ts'
import { FieldMessage } from './FieldMessage.tsx'
import { StepFields } from './StepFields.tsx'
import { VerifyFields } from './VerifyFields.tsx'

/** The paths the form shows an error under (by FieldMessage); anything else is said above the buttons. */
const FIELDS = ['name', 'response', 'forward_to', 'verify.basic', 'verify.bearer', 'verify.standard_webhooks']

/** Creates or edits a bin: its name, how it answers, what it checks, where it forwards. */
export function BinEditor({ target, onClose }: { target: Exclude<EditorTarget, null>; onClose: () => void }) {
  const bin = useAppStore((state) =>
    target.kind === 'edit' ? (state.bins.value ?? []).find((item) => item.id === target.id) : undefined,
  )
  const save = useAppStore((state) => state.binSave)
  const saveBin = useAppStore((state) => state.saveBin)
  const resetBinSave = useAppStore((state) => state.resetBinSave)
  const deleteBin = useAppStore((state) => state.deleteBin)
  const selectBin = useAppStore((state) => state.selectBin)
  const [opened] = useState<BinDraft>(() => (bin ? draftOf(bin) : newBinDraft()))
  const [draft, setDraft] = useState<BinDraft>(opened)
  const confirmLeave = useConfirmLeave()
  const id = useId()
  // Edits typed back to what the form opened with are not unsaved.
  const unsaved = JSON.stringify(draft) !== JSON.stringify(opened)

  useEffect(() => resetBinSave, [resetBinSave])

  const update = (change: Partial<BinDraft>) => setDraft((current) => ({ ...current, ...change }))
  const error = save.status === 'error' ? save.error : null

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    const saved = await saveBin(payloadOf(draft), bin?.id ?? null)
    if (!saved) return
    selectBin(saved.id)
    onClose()
  }

  const remove = async () => {
    if (!bin) return
    if (!window.confirm(`Delete the bin "${bin.name}" and every request it captured?`)) return
    if (await deleteBin(bin.id)) onClose()
  }

  const title = bin ? `Edit bin ${bin.name}` : 'New bin'
  return (
    <form className="inbox-editor" aria-labelledby={`${id}-title`} onSubmit={(event) => void submit(event)}>
      <h2 id={`${id}-title`} className="inbox-editor-title">
        {title}
      </h2>

      <div className="inbox-field">
        <label htmlFor={`${id}-name`}>Name</label>
        <input
          id={`${id}-name`}
          className="text-input"
          value={draft.name}
          placeholder="orders"
          autoComplete="off"
          spellCheck={false}
          aria-invalid={fieldError(error, 'name') ? true : undefined}
          onChange={(event) => update({ name: event.target.value })}
        />
        <FieldMessage
          error={error}
          field="name"
          hint="Part of the URL: /hooks/<name>/. Letters, digits, . _ -"
        />
      </div>

      <div className="inbox-field">
        <label htmlFor={`${id}-description`}>Description</label>
        <input
          id={`${id}-description`}
          className="text-input"
          value={draft.description}
          onChange={(event) => update({ description: event.target.value })}
        />
      </div>

      <fieldset className="inbox-fieldset">
        <legend>Response</legend>
        <div className="segmented" role="radiogroup" aria-label="Response kind">
          {(['single', 'sequence'] as const).map((mode) => (
            <label key={mode} className="segment">
              <input
                type="radio"
                name={`${id}-mode`}
                checked={draft.mode === mode}
                onChange={() =>
                  update({
                    mode,
                    steps: mode === 'single' ? draft.steps.slice(0, 1) : draft.steps,
                  })
                }
              />
              <span>{mode === 'single' ? 'Same answer every time' : 'Scripted sequence'}</span>
            </label>
          ))}
        </div>
        {draft.mode === 'sequence' ? (
          <p className="field-hint">One step per request, in order; the last step repeats.</p>
        ) : null}
        {draft.steps.map((step, index) => (
          <StepFields
            // biome-ignore lint/suspicious/noArrayIndexKey: a step's position is its identity in a sequence.
            key={index}
            step={step}
            label={draft.mode === 'sequence' ? `Step ${index + 1}` : 'Answer'}
            onChange={(next) =>
              update({ steps: draft.steps.map((item, at) => (at === index ? next : item)) })
            }
            {...(draft.mode === 'sequence' && draft.steps.length > 1
              ? { onRemove: () => update({ steps: draft.steps.filter((_, at) => at !== index) }) }
              : {})}
          />
        ))}
        {draft.mode === 'sequence' ? (
          <button
            type="button"
            className="button button-small"
            onClick={() => update({ steps: [...draft.steps, emptyStep()] })}
          >
            Add step
          </button>
        ) : null}
        <FieldMessage error={error} field="response" />
      </fieldset>

      <VerifyFields draft={draft} onChange={update} error={error} />

      <div className="inbox-field">
        <label htmlFor={`${id}-forward`}>Forward to</label>
        <input
          id={`${id}-forward`}
          className="text-input"
          value={draft.forwardTo}
          placeholder="http://localhost:3000/webhooks"
          spellCheck={false}
          aria-invalid={fieldError(error, 'forward_to') ? true : undefined}
          onChange={(event) => update({ forwardTo: event.target.value })}
        />
        <FieldMessage
          error={error}
          field="forward_to"
          hint="Every capture is also sent on to your app, and retried while it is down."
        />
      </div>

      {formError(error, FIELDS) ? (
        <p className="inline-error" role="alert">
          {formError(error, FIELDS)}
        </p>
      ) : null}
      <div className="form-footer">
        <button type="submit" className="button button-primary" disabled={save.status === 'saving'}>
          {bin ? 'Save bin' : 'Create bin'}
        </button>
        <button type="button" className="button" onClick={() => confirmLeave(onClose)}>
          Cancel
        </button>
        {bin ? (
          <button type="button" className="button button-danger" onClick={() => void remove()}>
            Delete bin
          </button>
        ) : null}
      </div>
      <DiscardGuard unsaved={unsaved} staysOn={onInboxPage} />
    </form>
  )
}

/** The Inbox's address names the bin listed and the capture open, not the editor: it stays open. */
function onInboxPage(hash: string): boolean {
  return routeOf(hash).page === 'inbox'
}
