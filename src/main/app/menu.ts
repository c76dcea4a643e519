import { Menu, type MenuItemConstructorOptions } from 'electron'
import type { MenuAction } from '../../shared/contract/live-events.ts'

export interface MenuCommands {
  /** Work that happens in the UI (export/import, HAR): handed to the renderer on `hookbench:menu`. */
  sendToRenderer(action: MenuAction): void
  openDataFolder(): void
  openLogsFolder(): void
  showAbout(): void
}

export interface MenuOptions {
  /** Developer tools are offered only in an unpackaged (development) build. */
  isPackaged: boolean
  platform: NodeJS.Platform
  commands: MenuCommands
}

const separator: MenuItemConstructorOptions = { type: 'separator' }

/**
 * The application menu as data, so it can be tested without Electron. macOS gets its app menu
 * (About, Hide, Quit, as its users expect) and a Window menu; elsewhere Quit lives in File.
 */
export function buildMenuTemplate({
  isPackaged,
  platform,
  commands,
}: MenuOptions): MenuItemConstructorOptions[] {
  const isMac = platform === 'darwin'
  const send = (action: MenuAction) => () => commands.sendToRenderer(action)

  const appMenu: MenuItemConstructorOptions = {
    label: 'Hookbench',
    submenu: [
      { label: 'About Hookbench', click: () => commands.showAbout() },
      separator,
      { role: 'services' },
      separator,
      { role: 'hide' },
      { role: 'hideOthers' },
      { role: 'unhide' },
      separator,
      { role: 'quit' },
    ],
  }

  const file: MenuItemConstructorOptions = {
    label: '&File',
    submenu: [
      { label: 'Export Workspace…', click: send({ action: 'export-workspace' }) },
      { label: 'Import Workspace…', click: send({ action: 'import-workspace' }) },
      { label: 'Import HAR…', click: send({ action: 'import-har' }) },
      separator,
      { label: 'Open Data Folder', click: () => commands.openDataFolder() },
      ...(isMac ? [separator, { role: 'close' } as const] : [separator, { role: 'quit' } as const]),
    ],
  }

  const edit: MenuItemConstructorOptions = {
    label: '&Edit',
    submenu: [
      { role: 'undo' },
      { role: 'redo' },
      separator,
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      ...(isMac ? [{ role: 'pasteAndMatchStyle' } as const] : []),
      { role: 'delete' },
      separator,
      { role: 'selectAll' },
    ],
  }

  const view: MenuItemConstructorOptions = {
    label: '&View',
    submenu: [
      { role: 'reload' },
      { role: 'forceReload' },
      ...(isPackaged ? [] : [{ role: 'toggleDevTools' } as const]),
      separator,
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      separator,
      { role: 'togglefullscreen' },
    ],
  }

  const help: MenuItemConstructorOptions = {
    role: 'help',
    label: '&Help',
    submenu: [
      ...(isMac ? [] : [{ label: 'About Hookbench', click: () => commands.showAbout() }, separator]),
      { label: 'Open Logs Folder', click: () => commands.openLogsFolder() },
    ],
  }

  return isMac ? [appMenu, file, edit, view, { role: 'windowMenu' }, help] : [file, edit, view, help]
}

export function installApplicationMenu(options: MenuOptions): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(buildMenuTemplate(options)))
}
