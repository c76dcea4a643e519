import { type KeyboardEvent, useEffect, useState } from 'react'
import type { RequestSummary } from '../../../../shared/receiver/captured-request.ts'
import { useAppStore } from '../../state/index.ts'
import { CopyButton } from '../../ui/CopyButton.tsx'
import { sampleCurl, sizeOf, timeOf } from '../../ui/format.ts'
import { SearchIcon } from '../../ui/icons.tsx'
import { HarButtons } from './HarButtons.tsx'

const ROW_SELECTOR = 'button[data-request-id]'

/** Captures of the chosen bin (or all), newest first, arriving live. */
export function RequestList() {
  const list = useAppStore((state) => state.inboxRequests)
  const selectedId = useAppStore((state) => state.selectedRequestId)
  const selectRequest = useAppStore((state) => state.selectRequest)
  const loadMore = useAppStore((state) => state.loadMoreRequests)
  const clearRequests = useAppStore((state) => state.clearRequests)
  const binId = useAppStore((state) => state.inboxBinId)
  const query = useAppStore((state) => state.inboxQuery.trim())
  const bin = useAppStore((state) => (state.bins.value ?? []).find((item) => item.id === state.inboxBinId))

  const clear = () => {
    const what = bin ? `every request captured by "${bin.name}"` : 'every captured request'
    if (window.confirm(`Delete ${what}?`)) void clearRequests()
  }

  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>) => {
    const rows = [
      ...(event.currentTarget.closest('ul')?.querySelectorAll<HTMLButtonElement>(ROW_SELECTOR) ?? []),
    ]
    const index = rows.indexOf(event.currentTarget)
    const next = event.key === 'ArrowDown' ? index + 1 : event.key === 'ArrowUp' ? index - 1 : null
    const target = next === null ? undefined : rows[next]
    if (!target?.dataset.requestId) return
    event.preventDefault()
    target.focus()
    // Walking the list with the arrows is one step in the history, not one per capture passed.
    selectRequest(target.dataset.requestId, 'replace')
  }

  return (
    <section className="inbox-requests" aria-label="Captured requests">
      <div className="inbox-pane-header">
        <h2 className="inbox-pane-title">{bin ? bin.name : 'All requests'}</h2>
        <HarButtons binName={bin?.name ?? null} />
        <button
          type="button"
          className="button button-small"
          onClick={clear}
          disabled={list.items.length === 0}
        >
          Clear
        </button>
      </div>
      <SearchBox key={binId ?? 'all'} />
      {list.error ? (
        <p className="inline-error" role="alert">
          {list.error.message}
        </p>
      ) : null}
      {list.items.length === 0 && list.status === 'ready' ? (
        query ? (
          <p className="inbox-no-requests">No request has “{query}” in its headers or body.</p>
        ) : (
          <NoRequests url={bin?.url ?? null} />
        )
      ) : (
        <ul className="inbox-request-list">
          {list.items.map((item) => (
            <li key={item.id}>
              <RequestRow
                item={item}
                selected={item.id === selectedId}
                showBin={bin === undefined}
                onSelect={() => selectRequest(item.id)}
                onKeyDown={onKeyDown}
              />
            </li>
          ))}
        </ul>
      )}
      {list.nextCursor ? (
        <button
          type="button"
          className="button button-small inbox-more"
          onClick={() => void loadMore()}
          disabled={list.loadingMore}
        >
          {list.loadingMore ? 'Loading…' : 'Load older requests'}
        </button>
      ) : null}
    </section>
  )
}

interface RowProps {
  item: RequestSummary
  selected: boolean
  showBin: boolean
  onSelect: () => void
  onKeyDown: (event: KeyboardEvent<HTMLButtonElement>) => void
}

function RequestRow({ item, selected, showBin, onSelect, onKeyDown }: RowProps) {
  return (
    <button
      type="button"
      className="inbox-request"
      data-request-id={item.id}
      aria-current={selected ? 'true' : undefined}
      onClick={onSelect}
      onKeyDown={onKeyDown}
    >
      <span className={`inbox-method inbox-method-${item.method.toLowerCase()}`}>{item.method}</span>
      <span className="inbox-request-path">
        {showBin ? <span className="inbox-request-bin">{item.bin_name}</span> : null}
        {item.sub_path}
      </span>
      <span
        className={`status-dot ${item.verdict === 'verified' ? 'is-ok' : item.verdict === 'failed' ? 'is-danger' : ''}`}
        title={verdictTitle(item.verdict)}
      />
      <span className="inbox-request-meta">
        <time dateTime={item.received_at}>{timeOf(item.received_at)}</time>
        {' · '}
        {sizeOf(item.size)}
        {item.response_status !== null ? ` · ${item.response_status}` : ''}
        {item.forward_state ? ` · forward ${item.forward_state}` : ''}
      </span>
    </button>
  )
}

function verdictTitle(verdict: RequestSummary['verdict']): string {
  if (verdict === 'verified') return 'Signature / credentials verified'
  if (verdict === 'failed') return 'Verification failed'
  return 'No verification configured'
}

/** Searches headers and bodies; waits for a pause in typing before asking. */
function SearchBox() {
  const setQuery = useAppStore((state) => state.setInboxQuery)
  const current = useAppStore((state) => state.inboxQuery)
  const [text, setText] = useState(current)
  useEffect(() => {
    if (text === current) return
    const timer = window.setTimeout(() => setQuery(text), 250)
    return () => window.clearTimeout(timer)
  }, [text, current, setQuery])
  return (
    <div className="filter">
      <label htmlFor="request-search" className="visually-hidden">
        Search requests
      </label>
      <span className="filter-icon">
        <SearchIcon />
      </span>
      <input
        id="request-search"
        className="filter-input"
        type="search"
        placeholder="Search headers and bodies"
        autoComplete="off"
        spellCheck={false}
        value={text}
        onChange={(event) => setText(event.target.value)}
      />
    </div>
  )
}

function NoRequests({ url }: { url: string | null }) {
  const receiverUrl = useAppStore((state) => state.health.value?.receiver_url ?? null)
  const target = url ?? `${receiverUrl ?? 'http://<receiver>'}/hooks/demo/`
  const curl = sampleCurl(target)
  return (
    <div className="inbox-no-requests">
      <p>No requests yet. Send one and it appears here the moment it is stored:</p>
      <code className="inbox-curl">{curl}</code>
      <CopyButton text={curl} label="Copy curl" />
    </div>
  )
}
