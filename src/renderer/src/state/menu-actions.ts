import type { MenuAction } from '../../../shared/contract/live-events.ts'

/**
 * What each desktop menu item and deep link does in the UI: it takes the user to the page where
 * that work is done (export and import live in Settings → Workspace, HAR import in the Inbox) or
 * opens the message a `hookbench://message/<id>` link names.
 */
/** The two store actions it needs (a structural type, so it is testable without the store). */
export interface MenuActionTarget {
  navigate(page: 'settings' | 'inbox' | 'messages'): void
  showMessage(id: string): void
}

export function runMenuAction(state: MenuActionTarget, action: MenuAction): void {
  switch (action.action) {
    case 'export-workspace':
    case 'import-workspace':
      state.navigate('settings')
      return
    case 'import-har':
      state.navigate('inbox')
      return
    case 'open-message':
      state.navigate('messages')
      state.showMessage(action.message_id)
      return
    default: {
      const unreachable: never = action
      throw new Error(`unknown menu action ${JSON.stringify(unreachable)}`)
    }
  }
}
