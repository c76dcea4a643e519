import { useMemo } from 'react'
import { BracesIcon } from '../../ui/icons.tsx'
import { type SelectedTopic, successRuleLabel } from './catalog-view.ts'
import { SendPanel } from './SendPanel.tsx'
import { catalogTarget, customTarget } from './send-target.ts'

/** One topic: what it means, which system sends it, and its payload ready to edit and send. */
export function TopicDetail({ selected }: { selected: SelectedTopic }) {
  const { profile, eventType } = selected
  const target = useMemo(() => catalogTarget(selected), [selected])

  return (
    <article className="events-topic-detail" aria-labelledby="topic-detail-title">
      <header className="topic-detail-header">
        <p className="eyebrow">{profile.name}</p>
        <h2 id="topic-detail-title" className="events-topic-detail-title">
          {eventType.topic}
        </h2>
        <p className="events-topic-detail-description">{eventType.description}</p>
        <p className="chips">
          <span className="badge">{successRuleLabel(profile.success_rule)}</span>
          <span className="badge" title="The vendor's webhook document this profile is built from">
            from {profile.source}
          </span>
        </p>
      </header>
      <SendPanel target={target} />
      <section className="events-about-profile" aria-labelledby="about-profile-title">
        <h3 id="about-profile-title">About {profile.name}</h3>
        <p>{profile.description}</p>
      </section>
    </article>
  )
}

/** A topic the user named: no system's example or rules, just the topic and their own JSON. */
export function CustomTopicDetail({ topic }: { topic: string }) {
  const target = useMemo(() => customTarget(topic), [topic])
  return (
    <article className="events-topic-detail" aria-labelledby="topic-detail-title">
      <header className="topic-detail-header">
        <p className="eyebrow">Custom topic</p>
        <h2 id="topic-detail-title" className="events-topic-detail-title">
          {topic}
        </h2>
        <p className="events-topic-detail-description">
          A topic of your own, with your own JSON as its data. Subscriptions that list it get it, and so do
          Standard Webhooks ones that list no topics: “Will reach” below names them.
        </p>
      </header>
      <SendPanel target={target} />
    </article>
  )
}

export function NoTopicSelected({ systems, topics }: { systems: number; topics: number }) {
  return (
    <div className="events-topic-placeholder">
      <BracesIcon />
      <p className="placeholder-title">Select a topic to edit and send its example payload</p>
      <p className="muted">
        {systems} systems · {topics} topics. Use ↑ ↓ in the list to move between them.
      </p>
    </div>
  )
}
