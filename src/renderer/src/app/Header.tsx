import { LogoMark } from '../ui/icons.tsx'
import { ConnectionIndicator } from './ConnectionIndicator.tsx'

export function Header() {
  return (
    <header className="app-header">
      <div className="brand">
        <LogoMark />
        <span className="brand-name">Hookbench</span>
      </div>
      <ConnectionIndicator />
    </header>
  )
}
