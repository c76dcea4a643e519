import { type KeyboardEvent, type ReactNode, useEffect, useMemo, useRef, useState } from 'react'
import { useAppStore } from '../../state/index.ts'
import { ErrorState } from '../../ui/ErrorState.tsx'
import { SearchIcon } from '../../ui/icons.tsx'
import { PageLayout } from '../../ui/PageLayout.tsx'
import { countTopics, filterCatalog, findTopic } from './catalog-view.ts'
import { customTopicIn, customTopicKey, customTopicOf } from './send-target.ts'
import { CustomTopicDetail, NoTopicSelected, TopicDetail } from './TopicDetail.tsx'
import { TOPIC_SELECTOR, TopicList } from './TopicList.tsx'
import './events.css'

export function EventsPage() {
  const catalog = useAppStore((state) => state.catalog)
  const loadCatalog = useAppStore((state) => state.loadCatalog)

  useEffect(() => {
    if (catalog.status === 'idle') void loadCatalog()
  }, [catalog.status, loadCatalog])

  let body: ReactNode
  if (catalog.status === 'error') {
    body = (
      <ErrorState
        title="Could not load the event catalog"
        error={catalog.error}
        hint="Check that Hookbench is still running (the header shows the connection), then retry."
        onRetry={() => void loadCatalog()}
      />
    )
  } else if (catalog.status === 'ready') {
    return (
      <PageLayout title="Events" description={DESCRIPTION} layout="split">
        <CatalogBrowser />
      </PageLayout>
    )
  } else {
    body = <p className="muted">Loading the event catalog…</p>
  }
  return (
    <PageLayout title="Events" description={DESCRIPTION}>
      {body}
    </PageLayout>
  )
}

const DESCRIPTION =
  'The topics each emulated system sends: edit an example payload and send it to your subscriptions.'

function CatalogBrowser() {
  const profiles = useAppStore((state) => state.catalog.profiles)
  const [query, setQuery] = useState('')
  const selectedKey = useAppStore((state) => state.selectedTopicKey)
  const setSelectedKey = useAppStore((state) => state.selectTopic)
  const listRef = useRef<HTMLDivElement>(null)

  const groups = useMemo(() => filterCatalog(profiles, query), [profiles, query])
  const selected = useMemo(() => findTopic(profiles, selectedKey), [profiles, selectedKey])
  const total = useMemo(
    () => profiles.reduce((sum, profile) => sum + profile.event_types.length, 0),
    [profiles],
  )
  const catalogTopics = useMemo(
    () => new Set(profiles.flatMap((profile) => profile.event_types.map((eventType) => eventType.topic))),
    [profiles],
  )
  const shown = countTopics(groups)
  const customTopic = customTopicOf(selectedKey)
  const offered = customTopicIn(query, catalogTopics)

  // ↓ in the filter box jumps into the list, as in a command palette.
  const onFilterKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'ArrowDown') return
    const first = listRef.current?.querySelector<HTMLButtonElement>(TOPIC_SELECTOR)
    if (!first?.dataset.topicKey) return
    event.preventDefault()
    first.focus()
    setSelectedKey(first.dataset.topicKey)
  }

  return (
    <>
      <div className="events-catalog">
        <div className="filter">
          <label htmlFor="topic-filter" className="visually-hidden">
            Filter topics
          </label>
          <span className="filter-icon">
            <SearchIcon />
          </span>
          <input
            id="topic-filter"
            className="filter-input"
            type="search"
            placeholder="Filter topics"
            autoComplete="off"
            spellCheck={false}
            value={query}
            onChange={(event) => setQuery(event.target.value)}
            onKeyDown={onFilterKeyDown}
          />
        </div>
        <p className="filter-count" aria-live="polite">
          {query ? `${shown} of ${total} topics` : `${total} topics in ${profiles.length} systems`}
        </p>
        {offered ? (
          <CustomTopicOffer
            topic={offered}
            current={customTopic === offered}
            onSelect={() => setSelectedKey(customTopicKey(offered))}
          />
        ) : null}
        {groups.length > 0 ? (
          <TopicList ref={listRef} groups={groups} selectedKey={selectedKey} onSelect={setSelectedKey} />
        ) : (
          <div className="no-match">
            <p>No catalog topic matches “{query}”.</p>
            <button type="button" className="button button-small" onClick={() => setQuery('')}>
              Clear filter
            </button>
          </div>
        )}
      </div>
      <div className="events-detail-pane">
        {customTopic ? (
          <CustomTopicDetail topic={customTopic} />
        ) : selected ? (
          <TopicDetail selected={selected} />
        ) : (
          <NoTopicSelected systems={profiles.length} topics={total} />
        )}
      </div>
    </>
  )
}

/** A topic the catalog does not have, typed in the filter: sending it is one click away. */
function CustomTopicOffer({
  topic,
  current,
  onSelect,
}: {
  topic: string
  current: boolean
  onSelect: () => void
}) {
  return (
    <div className="events-custom-offer">
      <button
        type="button"
        className="events-topic"
        aria-current={current ? 'true' : undefined}
        onClick={onSelect}
      >
        <span className="events-topic-name">Send custom topic “{topic}”</span>
        <span className="events-topic-description">
          Not in the catalog: your own topic, with your own JSON
        </span>
      </button>
    </div>
  )
}
