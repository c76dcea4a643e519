import type { AuthConfig } from '../../../../../shared/domain/auth-config.ts'
import { useAppStore } from '../../../state/index.ts'
import { authConfigLabel } from '../../../ui/auth-labels.ts'
import { FormRow, invalidProps } from '../../../ui/FormRow.tsx'

interface AuthFieldProps {
  value: string
  error: string | undefined
  onChange: (id: string) => void
}

const NO_CONFIGS: AuthConfig[] = []

/** Which auth config decorates each delivery (Basic, OAuth2 client credentials), from the Auth configs page. */
export function AuthField({ value, error, onChange }: AuthFieldProps) {
  const configs = useAppStore((state) => state.authConfigs.value) ?? NO_CONFIGS
  const status = useAppStore((state) => state.authConfigs.status)
  const known = value === '' || configs.some((config) => config.id === value)
  return (
    <FormRow
      label="Auth config"
      htmlFor="auth_config_id"
      error={error}
      hint={
        <>
          {configs.length === 0 && status === 'ready' ? 'No auth configs yet. ' : ''}
          <a href="#/auth-configs">Manage auth configs</a>
        </>
      }
    >
      <select
        id="auth_config_id"
        className="form-select subs-auth-select"
        value={value}
        onChange={(event) => onChange(event.target.value)}
        {...invalidProps('auth_config_id', error)}
      >
        <option value="">None — no Authorization header</option>
        {configs.map((config) => (
          <option key={config.id} value={config.id}>
            {authConfigLabel(config)}
          </option>
        ))}
        {known ? null : <option value={value}>Unknown config {value}</option>}
      </select>
    </FormRow>
  )
}
