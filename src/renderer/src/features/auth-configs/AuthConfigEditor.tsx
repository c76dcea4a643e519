import { useState } from 'react'
import { type AuthConfig, type AuthType, authTypes } from '../../../../shared/domain/auth-config.ts'
import { useAppStore } from '../../state/index.ts'
import { authConfigLabel, authTypeLabels } from '../../ui/auth-labels.ts'
import { FormRow } from '../../ui/FormRow.tsx'
import { errorsOf } from '../../ui/field-errors.ts'
import { formatDateTime } from '../../ui/format.ts'
import { Segmented } from '../../ui/Segmented.tsx'
import { SideEditor, SideEditorMissing } from '../../ui/SideEditor.tsx'
import { SideEditorFooter } from '../../ui/SideEditorFooter.tsx'
import { AuthConfigTest } from './AuthConfigTest.tsx'
import { TypeFields } from './AuthTypeFields.tsx'
import { type AuthDraft, authDraftOf, authPayloadOf, keepsSecret, newAuthDraft } from './auth-draft.ts'
import { DeleteError } from './DeleteError.tsx'

const FIELDS = ['auth_type', 'key', 'secret', 'scope', 'token_url'] as const

const TYPE_OPTIONS = authTypes.map((type) => ({ value: type, label: authTypeLabels[type] }))

const TYPE_HINTS: Record<AuthType, string> = {
  NO_AUTH:
    'Deliveries carry no Authorization header. Rustici Generator requires key, secret, scope and token_url to be null.',
  BASIC_AUTH: 'Every delivery carries Authorization: Basic base64(key:secret).',
  OAUTH_2_CLIENT_CREDENTIALS:
    'Hookbench POSTs grant_type=client_credentials to the token URL, caches the token until shortly before it ' +
    'expires, and sends Authorization: Bearer <token>; on a 401 it fetches a new token once and retries.',
}

export function AuthConfigEditor({ id }: { id: string | null }) {
  const saved = useAppStore((state) =>
    id === null ? null : (state.authConfigs.value?.find((item) => item.id === id) ?? null),
  )
  const close = useAppStore((state) => state.closeAuthConfigEditor)
  if (id !== null && saved === null) return <SideEditorMissing what="auth config" onClose={close} />
  return <AuthConfigForm saved={saved} />
}

function AuthConfigForm({ saved }: { saved: AuthConfig | null }) {
  const saveState = useAppStore((state) => state.authConfigSave)
  const deleteState = useAppStore((state) => state.authConfigDelete)
  const saveAuthConfig = useAppStore((state) => state.saveAuthConfig)
  const deleteAuthConfig = useAppStore((state) => state.deleteAuthConfig)
  const resetSave = useAppStore((state) => state.resetAuthConfigSave)
  const close = useAppStore((state) => state.closeAuthConfigEditor)
  const [draft, setDraft] = useState<AuthDraft>(() => (saved ? authDraftOf(saved) : newAuthDraft()))

  const { fields: errors, general } = errorsOf(saveState.status === 'error' ? saveState.error : null, FIELDS)
  const saving = saveState.status === 'saving'
  const update = (patch: Partial<AuthDraft>) => {
    setDraft((current) => ({ ...current, ...patch }))
    resetSave()
  }
  const submit = async () => {
    const ok = await saveAuthConfig(authPayloadOf(draft), saved?.id ?? null, keepsSecret(draft, saved))
    if (ok) setDraft((current) => ({ ...current, secret: '' }))
  }

  return (
    <SideEditor
      title={saved ? authConfigLabel(saved) : 'New auth config'}
      subtitle={
        saved ? (
          <p className="muted">
            <code>{saved.id}</code> · created {formatDateTime(saved.created_at)} · modified{' '}
            {formatDateTime(saved.modified_at)}
          </p>
        ) : (
          <p className="muted">
            How Hookbench authenticates to a subscriber, as Rustici Generator defines it.
          </p>
        )
      }
      onSubmit={() => void submit()}
      onClose={close}
      footer={
        <SideEditorFooter
          createLabel="Create auth config"
          editing={saved !== null}
          saving={saving}
          saved={saveState.status === 'saved'}
          onClose={close}
          remove={
            saved
              ? {
                  what: 'this auth config',
                  busy: deleteState.status === 'saving',
                  onConfirm: () => void deleteAuthConfig(saved.id),
                }
              : null
          }
          refusal={general}
        >
          {deleteState.status === 'error' && deleteState.error && deleteState.id === saved?.id ? (
            <DeleteError error={deleteState.error} />
          ) : null}
        </SideEditorFooter>
      }
    >
      <section className="side-editor-section" aria-label="Auth config">
        <FormRow
          label="Type"
          labelId="auth-type-label"
          error={errors.auth_type}
          hint={TYPE_HINTS[draft.auth_type]}
        >
          <Segmented
            name="auth_type"
            labelledBy="auth-type-label"
            options={TYPE_OPTIONS}
            value={draft.auth_type}
            onChange={(auth_type) => update({ auth_type })}
          />
        </FormRow>
        <TypeFields draft={draft} saved={saved} errors={errors} onChange={update} />
        {testable(saved, draft) ? <AuthConfigTest id={saved?.id ?? null} draft={draft} /> : null}
      </section>
    </SideEditor>
  )
}

/**
 * "Test" is there for an OAuth config: a saved one still of that type (an empty secret box tests the
 * stored secret), or a new one (what the form shows, nothing stored). A saved config switched to
 * OAuth is not: its stored secret belongs to another type.
 */
function testable(saved: AuthConfig | null, draft: AuthDraft): boolean {
  if (draft.auth_type !== 'OAUTH_2_CLIENT_CREDENTIALS') return false
  return saved === null || saved.auth_type === draft.auth_type
}
