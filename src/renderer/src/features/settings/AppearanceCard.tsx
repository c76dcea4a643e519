import type { Theme } from '../../../../shared/settings.ts'
import { useAppStore } from '../../state/index.ts'
import { Segmented } from '../../ui/Segmented.tsx'
import { SettingsCard } from './SettingsCard.tsx'
import { SettingsGate } from './SettingsGate.tsx'

const THEME_OPTIONS: ReadonlyArray<{ value: Theme; label: string }> = [
  { value: 'system', label: 'System' },
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
]

export function AppearanceCard() {
  return (
    <SettingsCard id="appearance" title="Appearance">
      <SettingsGate>{(settings) => <ThemeChoice theme={settings.theme} />}</SettingsGate>
    </SettingsCard>
  )
}

function ThemeChoice({ theme }: { theme: Theme }) {
  const setTheme = useAppStore((state) => state.setTheme)
  const saveError = useAppStore((state) => state.themeSave.error)

  return (
    <div className="settings-field-row">
      <span className="settings-field-label" id="theme-label">
        Theme
      </span>
      <div className="settings-field-control">
        <Segmented
          name="theme"
          labelledBy="theme-label"
          options={THEME_OPTIONS}
          value={theme}
          onChange={(value) => void setTheme(value)}
        />
        <p className="field-hint">System follows the light or dark mode of your operating system.</p>
        {saveError ? (
          <p className="field-error" role="alert">
            Could not save the theme: {saveError.message}
          </p>
        ) : null}
      </div>
    </div>
  )
}
