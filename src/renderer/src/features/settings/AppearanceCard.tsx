import type { Theme } from '../../../../shared/settings.ts'
import { useAppStore } from '../../state/index.ts'
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
        {/* Native radios: Tab enters the group, arrow keys move and choose, as everywhere else. */}
        <div className="segmented" role="radiogroup" aria-labelledby="theme-label">
          {THEME_OPTIONS.map((option) => (
            <label key={option.value} className="segment">
              <input
                type="radio"
                name="theme"
                value={option.value}
                checked={theme === option.value}
                onChange={() => void setTheme(option.value)}
              />
              <span>{option.label}</span>
            </label>
          ))}
        </div>
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
