// The CSP forbids the inline script @vitejs/plugin-react injects in dev; this module does the same
// job from 'self' (and is empty in a production build).
import '@vitejs/plugin-react/preamble'
// The shared styles first: each feature's stylesheet, imported by its page, comes later and builds on them.
import './ui/tokens.css'
import './ui/base.css'
import './ui/controls.css'
import './ui/forms.css'
import './ui/page.css'
import './ui/list-editor.css'
import './ui/pairs-table.css'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { onMenuAction } from './api/index.ts'
import { App } from './app/App.tsx'
import { applyTheme, cachedTheme, useAppStore } from './state/index.ts'
import { runMenuAction } from './state/menu-actions.ts'

// First paint in the theme this profile used last; the stored setting, once loaded, has the last word.
applyTheme(cachedTheme())
void useAppStore.getState().loadSettings()
// The desktop app's menu and hookbench:// links (nothing arrives in a browser).
onMenuAction((action) => runMenuAction(useAppStore.getState(), action))

const root = document.getElementById('root')
if (!root) throw new Error('index.html has no #root element.')

createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
)
