import { FormRow, invalidProps } from '../../ui/FormRow.tsx'
import type { FieldErrors } from '../../ui/field-errors.ts'
import { Segmented } from '../../ui/Segmented.tsx'
import type { CheckFormDraft, CredentialsKind } from './check-form.ts'
import { MaskedInput } from './MaskedInput.tsx'

const KINDS: ReadonlyArray<{ value: CredentialsKind; label: string }> = [
  { value: 'none', label: 'None' },
  { value: 'basic', label: 'Basic' },
  { value: 'bearer', label: 'Bearer token' },
]

interface CredentialsFieldsProps {
  draft: CheckFormDraft
  errors: FieldErrors
  onChange: (patch: Partial<CheckFormDraft>) => void
}

/** Sent with every request; the credential checks (Rustici) need them and are skipped without. */
export function CredentialsFields({ draft, errors, onChange }: CredentialsFieldsProps) {
  return (
    <>
      <FormRow label="Credentials" labelId="chk-credentials-label">
        <Segmented
          name="chk-credentials"
          labelledBy="chk-credentials-label"
          options={KINDS}
          value={draft.credentials}
          onChange={(credentials) => onChange({ credentials })}
        />
      </FormRow>
      {draft.credentials === 'basic' ? (
        <>
          <FormRow label="User" htmlFor="chk-basic" error={errors.basic}>
            <input
              id="chk-basic"
              className="text-input fill-width"
              autoComplete="off"
              spellCheck={false}
              value={draft.basicUser}
              onChange={(event) => onChange({ basicUser: event.target.value })}
              {...invalidProps('chk-basic', errors.basic)}
            />
          </FormRow>
          <FormRow label="Password" htmlFor="chk-basic-password">
            <MaskedInput
              id="chk-basic-password"
              value={draft.basicPassword}
              error={undefined}
              onChange={(basicPassword) => onChange({ basicPassword })}
            />
          </FormRow>
        </>
      ) : null}
      {draft.credentials === 'bearer' ? (
        <FormRow label="Token" htmlFor="chk-bearer" error={errors.bearer}>
          <MaskedInput
            id="chk-bearer"
            value={draft.bearer}
            error={errors.bearer}
            onChange={(bearer) => onChange({ bearer })}
          />
        </FormRow>
      ) : null}
    </>
  )
}
