import type { AuthConfig } from '../../../../shared/domain/auth-config.ts'
import { useAppStore } from '../../state/index.ts'
import { FormRow, invalidProps } from '../../ui/FormRow.tsx'
import type { AuthDraft } from './auth-draft.ts'
import { SecretReveal } from './SecretReveal.tsx'

interface TypeFieldsProps {
  draft: AuthDraft
  saved: AuthConfig | null
  errors: Record<string, string>
  onChange: (patch: Partial<AuthDraft>) => void
}

/** The fields Rustici Generator uses for each type, named as users of that type know them. */
export function TypeFields({ draft, saved, errors, onChange }: TypeFieldsProps) {
  const receiverUrl = useAppStore((state) => state.health.value?.receiver_url ?? null)
  if (draft.auth_type === 'NO_AUTH') return null
  const oauth = draft.auth_type === 'OAUTH_2_CLIENT_CREDENTIALS'
  const mockTokenUrl = receiverUrl ? `${receiverUrl}/oauth2/token` : null
  return (
    <>
      {oauth ? (
        <>
          <FormRow
            label="Token URL"
            htmlFor="token_url"
            error={errors.token_url}
            hint={
              mockTokenUrl ? (
                <>
                  Required. To test offline, use Hookbench’s mock token server:{' '}
                  <button
                    type="button"
                    className="link-button"
                    onClick={() => onChange({ token_url: mockTokenUrl })}
                  >
                    {mockTokenUrl}
                  </button>
                </>
              ) : (
                'Required: where client credentials are exchanged for a token.'
              )
            }
          >
            <TextInput
              id="token_url"
              value={draft.token_url}
              error={errors.token_url}
              mono
              placeholder="https://auth.example.com/oauth2/token"
              onChange={(token_url) => onChange({ token_url })}
            />
          </FormRow>
          <FormRow
            label="Scope"
            htmlFor="scope"
            error={errors.scope}
            hint="Required, as Rustici Generator says; space-separated scopes."
          >
            <TextInput
              id="scope"
              value={draft.scope}
              error={errors.scope}
              placeholder="webhooks:write"
              onChange={(scope) => onChange({ scope })}
            />
          </FormRow>
        </>
      ) : null}
      <FormRow
        label={oauth ? 'Client ID' : 'Username'}
        htmlFor="key"
        error={errors.key}
        hint={oauth ? 'key: the OAuth client id.' : 'key: required.'}
      >
        <TextInput
          id="key"
          value={draft.key}
          error={errors.key}
          placeholder={oauth ? 'hookbench-client' : 'alice'}
          onChange={(key) => onChange({ key })}
        />
      </FormRow>
      <FormRow
        label={oauth ? 'Client secret' : 'Password'}
        htmlFor="secret"
        error={errors.secret}
        hint={
          saved?.secret != null
            ? 'secret: stored encrypted. Leave empty to keep it, or type a new one.'
            : oauth
              ? 'secret: the OAuth client secret.'
              : 'secret: required; stored encrypted.'
        }
      >
        <input
          id="secret"
          className="text-input fill-width text-mono"
          type="password"
          autoComplete="new-password"
          placeholder={saved?.secret != null ? '•••• unchanged' : ''}
          value={draft.secret}
          onChange={(event) => onChange({ secret: event.target.value })}
          {...invalidProps('secret', errors.secret)}
        />
        {saved?.secret != null ? <SecretReveal id={saved.id} missing={saved.secret === ''} /> : null}
      </FormRow>
    </>
  )
}

interface TextInputProps {
  id: string
  value: string
  error: string | undefined
  placeholder: string
  mono?: boolean
  onChange: (value: string) => void
}

function TextInput({ id, value, error, placeholder, mono = false, onChange }: TextInputProps) {
  return (
    <input
      id={id}
      className={mono ? 'text-input fill-width text-mono' : 'text-input fill-width'}
      placeholder={placeholder}
      spellCheck={false}
      autoComplete="off"
      value={value}
      onChange={(event) => onChange(event.target.value)}
      {...invalidProps(id, error)}
    />
  )
}
