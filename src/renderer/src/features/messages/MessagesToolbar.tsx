import { type ChangeEvent, useEffect } from 'react'
import { type MessageStatus, messageStatuses } from '../../../../shared/domain/message.ts'
import { useAppStore } from '../../state/index.ts'
import { asMessageId, statusLabels } from '../../ui/format.ts'
import { SearchIcon } from '../../ui/icons.tsx'
import type { SubscriptionName } from './subscription-names.ts'

interface MessagesToolbarProps {
  search: string
  onSearch: (text: string) => void
  nameOf: (subscriptionId: string) => SubscriptionName
}

/**
 * Search (a pasted message_id opens that message) and the status, subscription and topic filters,
 * on one line however narrow the table gets (the boxes shrink; the event filter has a line of its own).
 */
export function MessagesToolbar({ search, onSearch, nameOf }: MessagesToolbarProps) {
  const filters = useAppStore((state) => state.messageFilters)
  const setFilters = useAppStore((state) => state.setMessageFilters)
  const showMessage = useAppStore((state) => state.showMessage)

  const onSearchChange = (event: ChangeEvent<HTMLInputElement>) => {
    const text = event.target.value
    onSearch(text)
    const id = asMessageId(text)
    if (id) showMessage(id)
  }

  return (
    <div className="messages-toolbar">
      <div className="filter messages-search">
        <label htmlFor="message-search" className="visually-hidden">
          Search messages
        </label>
        <span className="filter-icon">
          <SearchIcon />
        </span>
        <input
          id="message-search"
          className="filter-input"
          type="search"
          placeholder="Search or paste an id"
          title="Search the loaded messages, or paste a message_id to open that message"
          autoComplete="off"
          spellCheck={false}
          value={search}
          onChange={onSearchChange}
          onKeyDown={(event) => {
            const id = event.key === 'Enter' ? asMessageId(search) : null
            if (id) showMessage(id)
          }}
        />
      </div>
      <label className="messages-toolbar-field is-status">
        <span className="visually-hidden">Status</span>
        <select
          className="messages-toolbar-select"
          value={filters.status ?? ''}
          onChange={(event) => setFilters({ status: (event.target.value || null) as MessageStatus | null })}
        >
          <option value="">Any status</option>
          {messageStatuses.map((status) => (
            <option key={status} value={status}>
              {statusLabels[status]}
            </option>
          ))}
        </select>
      </label>
      <SubscriptionFilter nameOf={nameOf} />
      <TopicFilter />
    </div>
  )
}

function SubscriptionFilter({ nameOf }: { nameOf: (subscriptionId: string) => SubscriptionName }) {
  const value = useAppStore((state) => state.messageFilters.subscription_id)
  const labels = useAppStore((state) => state.subscriptionLabels.items)
  const setFilters = useAppStore((state) => state.setMessageFilters)
  return (
    <label className="messages-toolbar-field">
      <span className="visually-hidden">Subscription</span>
      <select
        className="messages-toolbar-select"
        value={value ?? ''}
        title={value ? nameOf(value).title : undefined}
        onChange={(event) => setFilters({ subscription_id: event.target.value || null })}
      >
        <option value="">Any subscription</option>
        {labels.map((label) => {
          const name = nameOf(label.id)
          return (
            <option key={label.id} value={label.id} title={name.title}>
              {name.text}
              {label.enabled ? '' : ' (disabled)'}
            </option>
          )
        })}
      </select>
    </label>
  )
}

function TopicFilter() {
  const value = useAppStore((state) => state.messageFilters.topic)
  const profiles = useAppStore((state) => state.catalog.profiles)
  const catalogStatus = useAppStore((state) => state.catalog.status)
  const loadCatalog = useAppStore((state) => state.loadCatalog)
  const setFilters = useAppStore((state) => state.setMessageFilters)

  useEffect(() => {
    if (catalogStatus === 'idle') void loadCatalog()
  }, [catalogStatus, loadCatalog])

  const known = profiles.some((profile) => profile.event_types.some((type) => type.topic === value))
  return (
    <label className="messages-toolbar-field is-topic">
      <span className="visually-hidden">Topic</span>
      <select
        className="messages-toolbar-select"
        value={value ?? ''}
        onChange={(event) => setFilters({ topic: event.target.value || null })}
      >
        <option value="">Any topic</option>
        {value && !known ? <option value={value}>{value}</option> : null}
        {profiles.map((profile) => (
          <optgroup key={profile.id} label={profile.name}>
            {profile.event_types.map((type) => (
              <option key={type.topic} value={type.topic}>
                {type.topic}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
    </label>
  )
}
