import type { KeyboardEvent, Ref } from 'react'
import { successRuleLabel, type TopicGroup, topicKey } from './catalog-view.ts'

interface TopicListProps {
  groups: readonly TopicGroup[]
  selectedKey: string | null
  onSelect: (key: string) => void
  ref?: Ref<HTMLDivElement>
}

export const TOPIC_SELECTOR = 'button[data-topic-key]'

/** The catalog grouped by system; every topic is a button, and the arrow keys walk the list. */
export function TopicList({ groups, selectedKey, onSelect, ref }: TopicListProps) {
  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>) => {
    const list = event.currentTarget.closest('.events-topic-list')
    if (!list) return
    const buttons = [...list.querySelectorAll<HTMLButtonElement>(TOPIC_SELECTOR)]
    const index = buttons.indexOf(event.currentTarget)
    if (index === -1) return
    const next = nextIndex(event.key, index, buttons.length)
    if (next === null) return
    event.preventDefault()
    const target = buttons[next]
    if (!target?.dataset.topicKey) return
    target.focus()
    onSelect(target.dataset.topicKey)
  }

  return (
    <div className="events-topic-list" ref={ref}>
      {groups.map(({ profile, topics }) => {
        const headingId = `profile-${profile.id}`
        return (
          <section key={profile.id} className="events-profile-group" aria-labelledby={headingId}>
            <header className="events-profile-header">
              <div className="events-profile-title-row">
                <h2 id={headingId} className="events-profile-name">
                  {profile.name}
                </h2>
                <span className="badge" title="Which answers count as a successful delivery">
                  {successRuleLabel(profile.success_rule)}
                </span>
              </div>
              <p className="events-profile-description" title={profile.description}>
                {profile.description}
              </p>
            </header>
            <ul className="topics">
              {topics.map((eventType) => {
                const key = topicKey(profile, eventType)
                const id = `topic-${key.replace(/[^\w-]/g, '-')}`
                return (
                  <li key={key}>
                    <button
                      type="button"
                      className="events-topic"
                      data-topic-key={key}
                      aria-current={key === selectedKey ? 'true' : undefined}
                      aria-labelledby={`${id}-name`}
                      aria-describedby={`${id}-description`}
                      onClick={() => onSelect(key)}
                      onKeyDown={onKeyDown}
                    >
                      <span id={`${id}-name`} className="events-topic-name">
                        {eventType.topic}
                      </span>
                      <span id={`${id}-description`} className="events-topic-description">
                        {eventType.description}
                      </span>
                    </button>
                  </li>
                )
              })}
            </ul>
          </section>
        )
      })}
    </div>
  )
}

function nextIndex(key: string, index: number, length: number): number | null {
  switch (key) {
    case 'ArrowDown':
      return Math.min(index + 1, length - 1)
    case 'ArrowUp':
      return Math.max(index - 1, 0)
    case 'Home':
      return 0
    case 'End':
      return length - 1
    default:
      return null
  }
}
