import { findTopic } from '../../features/events/catalog-view.ts'
import { exampleDraft } from '../../features/events/use-event-draft.ts'
import type { AppState } from '../../state/index.ts'
import { asMessageId } from '../../ui/format.ts'
import { navItems } from '../nav-items.tsx'

export interface Command {
  id: string
  group: 'Open' | 'Go to' | 'Action'
  title: string
  hint?: string
  /** Runs without leaving what is shown (the page already open), so no unsaved edits are at stake. */
  staysHere?: boolean
  run: (state: AppState) => void
}

/** The commands for what was typed: a pasted message_id first, then pages and actions that match. */
export function commandsFor(query: string, state: AppState): Command[] {
  const commands: Command[] = []
  const messageId = asMessageId(query)
  if (messageId) {
    commands.push({
      id: 'open-message',
      group: 'Open',
      title: `Open message ${messageId}`,
      run: (s) => {
        s.navigate('messages')
        s.showMessage(messageId)
      },
    })
  }
  for (const item of navItems) {
    commands.push({
      id: `page-${item.page}`,
      group: 'Go to',
      title: item.label,
      hint: 'page',
      staysHere: item.page === state.page,
      run: (s) => s.navigate(item.page),
    })
  }
  commands.push(...actions(state))
  if (messageId) return commands.slice(0, 1)
  return rank(commands, query)
}

function actions(state: AppState): Command[] {
  const list: Command[] = []
  const selected = findTopic(state.catalog.profiles, state.selectedTopicKey)
  if (selected && state.selectedTopicKey) {
    const key = state.selectedTopicKey
    list.push({
      id: 'send-selected',
      group: 'Action',
      title: `Send ${selected.eventType.topic}`,
      hint: `${selected.profile.name} · the payload in the Events editor`,
      run: (s) => {
        const draft = s.eventDrafts[key] ?? exampleDraft(selected)
        s.navigate('events')
        void s.sendEvent(key, selected.eventType.topic, draft)
      },
    })
  }
  list.push({
    id: 'new-subscription',
    group: 'Action',
    title: 'New subscription',
    hint: 'opens the subscription editor',
    run: (s) => {
      s.navigate('subscriptions')
      s.openSubscriptionEditor({ kind: 'new' })
    },
  })
  list.push({
    id: 'check-endpoint',
    group: 'Action',
    title: 'Check an endpoint',
    hint: 'signatures, replays, duplicates, timing: the checks of hookbench check',
    run: (s) => s.navigate('checks'),
  })
  list.push({
    id: 'failed-messages',
    group: 'Action',
    title: 'Show failed messages',
    hint: 'Messages filtered to failed',
    run: (s) => {
      s.navigate('messages')
      s.setMessageFilters({ status: 'failed', event: null })
    },
  })
  return list
}

/**
 * Keeps commands whose title (or group) contains every word typed, best first: a title that starts
 * with the query, then one with a word that does, then any other match; ties keep their order.
 */
function rank(commands: readonly Command[], query: string): Command[] {
  const q = query.trim().toLowerCase()
  if (!q) return [...commands]
  const terms = q.split(/\s+/)
  const scored: Array<{ command: Command; score: number; order: number }> = []
  for (const [order, command] of commands.entries()) {
    const title = command.title.toLowerCase()
    const text = `${command.group} ${title} ${command.hint ?? ''}`.toLowerCase()
    if (!terms.every((term) => text.includes(term))) continue
    const score = title.startsWith(q) ? 0 : title.split(/\s+/).some((word) => word.startsWith(q)) ? 1 : 2
    scored.push({ command, score, order })
  }
  scored.sort((a, b) => a.score - b.score || a.order - b.order)
  return scored.map((entry) => entry.command)
}
