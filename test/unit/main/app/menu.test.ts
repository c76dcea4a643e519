import type { MenuItemConstructorOptions } from 'electron'
import { describe, expect, it, vi } from 'vitest'
import { liveEvents } from '../../../../src/shared/contract/live-events.ts'

const electron = vi.hoisted(() => ({
  Menu: { buildFromTemplate: vi.fn((template: unknown) => ({ template })), setApplicationMenu: vi.fn() },
}))
vi.mock('electron', () => electron)
const { buildMenuTemplate, installApplicationMenu } = await import('../../../../src/main/app/menu.ts')

type Item = MenuItemConstructorOptions

function commands() {
  return {
    sendToRenderer: vi.fn(),
    openDataFolder: vi.fn(),
    openLogsFolder: vi.fn(),
    showAbout: vi.fn(),
  }
}

function menu(platform: NodeJS.Platform, isPackaged = true) {
  const fake = commands()
  const template = buildMenuTemplate({ platform, isPackaged, commands: fake })
  const top = (label: string): Item[] => {
    const item = template.find((entry) => entry.label === label || entry.role === label)
    if (!item) throw new Error(`no ${label} menu`)
    return item.submenu as Item[]
  }
  const click = (submenu: Item[], label: string) => {
    const item = submenu.find((entry) => entry.label === label)
    if (!item?.click) throw new Error(`no clickable ${label}`)
    ;(item.click as () => void)()
  }
  const roles = (submenu: Item[]) => submenu.map((entry) => entry.role).filter(Boolean)
  return { template, commands: fake, top, click, roles }
}

describe.each(['win32', 'linux'] as const)('the menu on %s', (platform) => {
  it('has File, Edit, View and Help', () => {
    expect(menu(platform).template.map((item) => item.label)).toEqual(['&File', '&Edit', '&View', '&Help'])
  })

  it('hands export, import and HAR import to the renderer as validated actions', () => {
    const { top, click, commands: sent } = menu(platform)
    click(top('&File'), 'Export Workspace…')
    click(top('&File'), 'Import Workspace…')
    click(top('&File'), 'Import HAR…')
    const actions = sent.sendToRenderer.mock.calls.map(([action]) => action)
    expect(actions).toEqual([
      { action: 'export-workspace' },
      { action: 'import-workspace' },
      { action: 'import-har' },
    ])
    for (const action of actions) expect(liveEvents.menuAction.schema.parse(action)).toEqual(action)
  })

  it('opens the data folder from File, and ends File with Quit', () => {
    const { top, click, commands: sent, roles } = menu(platform)
    click(top('&File'), 'Open Data Folder')
    expect(sent.openDataFolder).toHaveBeenCalledOnce()
    expect(top('&File').at(-1)?.role).toBe('quit')
    expect(roles(top('&File'))).not.toContain('close')
  })

  it('offers About Hookbench and the logs folder under Help', () => {
    const { top, click, commands: sent } = menu(platform)
    click(top('&Help'), 'About Hookbench')
    click(top('&Help'), 'Open Logs Folder')
    expect(sent.showAbout).toHaveBeenCalledOnce()
    expect(sent.openLogsFolder).toHaveBeenCalledOnce()
  })

  it('has the standard Edit roles, so copy and paste work in every text field', () => {
    expect(menu(platform).roles(menu(platform).top('&Edit'))).toEqual([
      'undo',
      'redo',
      'cut',
      'copy',
      'paste',
      'delete',
      'selectAll',
    ])
  })
})

describe('the View menu', () => {
  it('offers reload, zoom and full screen, but no developer tools in a packaged app', () => {
    const { top, roles } = menu('win32', true)
    expect(roles(top('&View'))).toEqual([
      'reload',
      'forceReload',
      'resetZoom',
      'zoomIn',
      'zoomOut',
      'togglefullscreen',
    ])
  })

  it('adds developer tools when running unpackaged', () => {
    const { top, roles } = menu('linux', false)
    expect(roles(top('&View'))).toContain('toggleDevTools')
  })
})

describe('the menu on macOS', () => {
  it('starts with the app menu (About, Hide, Quit) and has a Window menu', () => {
    const { template, top, click, commands: sent, roles } = menu('darwin')
    expect(template.map((item) => item.label ?? item.role)).toEqual([
      'Hookbench',
      '&File',
      '&Edit',
      '&View',
      'windowMenu',
      '&Help',
    ])
    click(top('Hookbench'), 'About Hookbench')
    expect(sent.showAbout).toHaveBeenCalledOnce()
    expect(roles(top('Hookbench'))).toEqual(['services', 'hide', 'hideOthers', 'unhide', 'quit'])
  })

  it('closes the window from File instead of quitting, and keeps Paste and Match Style', () => {
    const { top, roles } = menu('darwin')
    expect(roles(top('&File'))).toEqual(['close'])
    expect(roles(top('&Edit'))).toContain('pasteAndMatchStyle')
    expect(top('&Help').map((item) => item.label)).toEqual(['Open Logs Folder'])
  })
})

describe('installApplicationMenu', () => {
  it('builds the template and sets it as the application menu', () => {
    installApplicationMenu({ platform: 'linux', isPackaged: true, commands: commands() })
    const built = electron.Menu.buildFromTemplate.mock.results[0]?.value
    expect(electron.Menu.setApplicationMenu).toHaveBeenCalledExactlyOnceWith(built)
  })
})
