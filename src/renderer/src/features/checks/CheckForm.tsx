import { type FormEvent, useEffect, useState } from 'react'
import type { SubscriptionProfile } from '../../../../shared/domain/subscription.ts'
import { useAppStore } from '../../state/index.ts'
import { FormRow, invalidProps } from '../../ui/FormRow.tsx'
import { errorsOf, type FieldErrors } from '../../ui/field-errors.ts'
import { profileInfos } from '../../ui/profiles.ts'
import { CheckPicker } from './CheckPicker.tsx'
import { CredentialsFields } from './CredentialsFields.tsx'
import { CHECK_FORM_FIELDS, type CheckFormDraft, checkInputOf } from './check-form.ts'
import { FillNotice } from './FillNotice.tsx'
import { MaskedInput } from './MaskedInput.tsx'

/** The run's settings: `hookbench check`'s options as a form. */
export function CheckForm() {
  const draft = useAppStore((state) => state.checkDraft)
  const change = useAppStore((state) => state.changeCheckDraft)
  const definitions = useAppStore((state) => state.checkDefinitions)
  const loadDefinitions = useAppStore((state) => state.loadCheckDefinitions)
  const start = useAppStore((state) => state.checkStart)
  const startRun = useAppStore((state) => state.startCheckRun)
  const [local, setLocal] = useState<FieldErrors>({})

  useEffect(() => {
    void loadDefinitions(draft.profile)
  }, [loadDefinitions, draft.profile])

  const server = errorsOf(start.status === 'error' ? start.error : null, CHECK_FORM_FIELDS)
  const errors: FieldErrors = { ...server.fields, ...local }
  const listed = definitions.profile === draft.profile ? (definitions.value ?? []) : []
  const update = (patch: Partial<CheckFormDraft>) => {
    setLocal({})
    change(patch)
  }

  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (start.status === 'saving') return
    const { input, errors: found } = checkInputOf(draft, listed)
    setLocal(found)
    if (input) void startRun(input)
  }

  return (
    <form className="chk-card chk-form" aria-labelledby="chk-form-title" noValidate onSubmit={submit}>
      <h2 id="chk-form-title" className="chk-card-title">
        New run
      </h2>
      <FillNotice />
      <FormRow label="URL" htmlFor="chk-url" error={errors.url}>
        <input
          id="chk-url"
          className="text-input fill-width text-mono"
          placeholder="https://staging.example.com/webhooks"
          autoComplete="off"
          spellCheck={false}
          value={draft.url}
          onChange={(event) => update({ url: event.target.value })}
          {...invalidProps('chk-url', errors.url)}
        />
      </FormRow>
      <FormRow label="Profile" htmlFor="chk-profile" error={errors.profile}>
        <select
          id="chk-profile"
          className="form-select"
          value={draft.profile}
          onChange={(event) => update({ profile: event.target.value as SubscriptionProfile, excluded: [] })}
        >
          {profileInfos.map((item) => (
            <option key={item.id} value={item.id}>
              {item.label} ({item.id})
            </option>
          ))}
        </select>
      </FormRow>
      <FormRow
        label="Signing secret"
        htmlFor="chk-secret"
        error={errors.secret}
        hint="Deliveries are signed with it (Standard Webhooks); without it they go unsigned and the signature checks are skipped."
      >
        <MaskedInput
          id="chk-secret"
          placeholder="whsec_…"
          value={draft.secret}
          error={errors.secret}
          onChange={(secret) => update({ secret })}
        />
      </FormRow>
      <CredentialsFields draft={draft} errors={errors} onChange={update} />
      <FormRow
        label="Timeout"
        htmlFor="chk-timeout"
        error={errors.timeout_ms}
        hint="Milliseconds each request waits for the answer."
      >
        <input
          id="chk-timeout"
          className="text-input number-input"
          inputMode="numeric"
          value={draft.timeoutMs}
          onChange={(event) => update({ timeoutMs: event.target.value })}
          {...invalidProps('chk-timeout', errors.timeout_ms)}
        />
      </FormRow>
      <CheckPicker
        draft={draft}
        definitions={definitions}
        listed={listed}
        error={errors.only}
        onChange={(excluded) => update({ excluded })}
      />
      <div className="form-footer">
        <button type="submit" className="button button-primary" disabled={start.status === 'saving'}>
          {start.status === 'saving' ? 'Starting…' : 'Run checks'}
        </button>
        {server.general ? (
          <p className="inline-error" role="alert">
            Could not start: {server.general}
          </p>
        ) : null}
      </div>
    </form>
  )
}
