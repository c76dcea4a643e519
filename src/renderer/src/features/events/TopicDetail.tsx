import { useMemo } from 'react'
import { CopyButton } from '../../components/CopyButton.tsx'
import { BracesIcon } from '../../components/icons.tsx'
import { type SelectedTopic, successRuleLabel } from './catalog-view.ts'
import { highlightJson } from './json-highlight.tsx'

/** One topic: what it means, which system sends it, and its example payload (read-only for now). */
export function TopicDetail({ selected }: { selected: SelectedTopic }) {
  const { profile, eventType } = selected
  const json = useMemo(() => JSON.stringify(eventType.example, null, 2), [eventType.example])
  const lines = json.split('\n').length

  return (
    <article className="topic-detail" aria-labelledby="topic-detail-title">
      <header className="topic-detail-header">
        <p className="eyebrow">{profile.name}</p>
        <h2 id="topic-detail-title" className="topic-detail-title">
          {eventType.topic}
        </h2>
        <p className="topic-detail-description">{eventType.description}</p>
        <p className="chips">
          <span className="badge">{successRuleLabel(profile.success_rule)}</span>
          <span className="badge" title="The seed document this profile is built from">
            seed {profile.seed}
          </span>
        </p>
      </header>
      <section className="payload" aria-labelledby="payload-title">
        <div className="payload-toolbar">
          <h3 id="payload-title" className="payload-title">
            Example payload
          </h3>
          <span className="payload-meta">
            JSON · {lines} {lines === 1 ? 'line' : 'lines'}
          </span>
          <CopyButton text={json} />
        </div>
        <pre className="code" data-testid="example-payload">
          <code>{highlightJson(json)}</code>
        </pre>
      </section>
      <section className="about-profile" aria-labelledby="about-profile-title">
        <h3 id="about-profile-title">About {profile.name}</h3>
        <p>{profile.description}</p>
      </section>
    </article>
  )
}

export function NoTopicSelected({ systems, topics }: { systems: number; topics: number }) {
  return (
    <div className="topic-placeholder">
      <BracesIcon />
      <p className="topic-placeholder-title">Select a topic to see its example payload</p>
      <p className="muted">
        {systems} systems · {topics} topics. Use ↑ ↓ in the list to move between them.
      </p>
    </div>
  )
}
