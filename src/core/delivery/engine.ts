import { randomUUID } from 'node:crypto'
import { Agent, type Dispatcher } from 'undici'
import type {
  AttemptRecord,
  EventRecord,
  MessageRecord,
  SendEventInput,
  StoredAttempt,
} from '../../shared/domain/message.ts'
import type { Subscription } from '../../shared/domain/subscription.ts'
import { HookbenchError } from '../../shared/errors.ts'
import { templateContext } from '../../shared/templating.ts'
import { type SecretBox, withOpenCache } from '../secrets/secret-box.ts'
import type { ConfigStore } from '../store/config/config-store.ts'
import type { RecordLog } from '../store/log/record-log.ts'
import { runAttempt, unsentAttempt } from './attempt-runner.ts'
import { subscriptionMatches } from './matching.ts'
import { OAuthTokens } from './oauth-tokens.ts'
import { renderMessage, renderUrl } from './payloads.ts'
import { decide, firstAttemptAt, orphanReason } from './policy.ts'
import { DeliveryQueue } from './queue.ts'
import type { Scheduler } from './scheduler.ts'
import { toStoredAttempt } from './stored-attempt.ts'

/** HTTP connections to one endpoint at most, whatever the subscription's concurrency. */
const CONNECTIONS_PER_ORIGIN = 50

export type DeliveryChange =
  | { type: 'message.updated'; message: MessageRecord }
  | { type: 'attempt.completed'; attempt: AttemptRecord }
  | { type: 'subscription.disabled'; subscription: { subscription_id: string; name: string; reason: string } }

export interface DeliveryEngineDeps {
  config: ConfigStore
  secrets: SecretBox
  events: RecordLog<EventRecord>
  messages: RecordLog<MessageRecord>
  attempts: RecordLog<StoredAttempt>
  scheduler: Scheduler
  random?: () => number
  userAgent: string
  /** Called after each change is on disk (the live stream, the message index). */
  onChange?: (change: DeliveryChange) => void
  dispatcher?: Dispatcher
}

/**
 * Durable at-least-once delivery: wires the queue (./queue.ts, what runs when) and the policy
 * (./policy.ts, what an attempt's outcome leads to) to the logs, the configuration and the sender
 * (./attempt-runner.ts). Pending messages live in the messages log, so a restart resumes them.
 * Every attempt is recorded before the message's new state, so what the UI shows as sent really was.
 */
export class DeliveryEngine {
  private readonly deps: DeliveryEngineDeps
  private readonly tokens: OAuthTokens
  /** Signing and header secrets are opened on every attempt: decrypt each sealed value once. */
  private readonly openedSecrets: SecretBox
  private readonly dispatcher: Dispatcher
  private readonly random: () => number
  private readonly queue: DeliveryQueue
  /** Per subscription, when every delivery began failing (the policy's disable-after window). */
  private readonly failingSince = new Map<string, number>()
  /** Messages with a delivery step under way: a same-id replay of one waits for the step to end. */
  private readonly stepping = new Set<string>()
  /** Per message, the same-id replay asked for during its step (the url it goes to, if another). */
  private readonly replayAfterStep = new Map<string, string | undefined>()
  private unsubscribeConfig: (() => void) | null = null

  constructor(deps: DeliveryEngineDeps) {
    this.deps = deps
    this.random = deps.random ?? Math.random
    this.tokens = new OAuthTokens(deps.scheduler, deps.secrets)
    this.openedSecrets = withOpenCache(deps.secrets)
    // Deliveries waiting on the disk hold no connection, so a subscription may have more messages
    // in flight than it has connections; this caps what any one endpoint sees at once.
    this.dispatcher = deps.dispatcher ?? new Agent({ connections: CONNECTIONS_PER_ORIGIN })
    this.queue = new DeliveryQueue({
      scheduler: deps.scheduler,
      concurrencyOf: (id) => this.subscription(id)?.concurrency ?? 1,
      run: (message) => this.step(message),
    })
  }

  /** Resumes the messages that were pending when Hookbench last stopped (read by the message index). */
  async start(pending: readonly MessageRecord[]): Promise<void> {
    this.unsubscribeConfig = this.deps.config.subscribe(() => {
      this.settleOrphans().catch((error: unknown) =>
        console.error('[hookbench] could not settle the messages of a removed subscription:', error),
      )
    })
    await this.resume(pending)
  }

  /**
   * Takes on pending messages read from the log — at start, and after a workspace import brought
   * some in (they go on as they would after a restart, not only at the next one). Messages it
   * already has queued or in flight stay as they are.
   */
  async resume(pending: readonly MessageRecord[]): Promise<void> {
    for (const message of pending) if (!this.queue.has(message.message_id)) this.queue.add(message)
    await this.settleOrphans()
    this.queue.pump()
  }

  /** Stops scheduling and waits for attempts in flight, so their results are written. */
  async stop(): Promise<void> {
    this.unsubscribeConfig?.()
    await this.queue.stop()
    if (!this.deps.dispatcher) await this.dispatcher.close()
  }

  get pendingCount(): number {
    return this.queue.size
  }

  async sendEvent(input: SendEventInput): Promise<{ event_id: string; messages: MessageRecord[] }> {
    const now = this.deps.scheduler.now()
    const event = eventOf(input, now)
    const subscriptions = this.recipients(event)
    const messages = subscriptions.map((subscription) => this.newMessage(subscription, event, null))
    await this.deps.events.append([{ id: event.event_id, value: event, at: now }])
    await this.save(messages)
    for (const message of messages) this.queue.add(message)
    this.queue.pump()
    return { event_id: event.event_id, messages }
  }

  /** The subscriptions an event goes to: sending and "which would it reach" ask this one rule. */
  recipients(event: EventRecord): Subscription[] {
    return this.deps.config.read().subscriptions.filter((s) => subscriptionMatches(s, event))
  }

  /**
   * same-id: the same message again (same message_id, fresh signature timestamp), as a new
   * delivery cycle; new-id: a new message for the same event and subscription. `url` sends it
   * elsewhere, e.g. to the app under development. A same-id replay asked for while an attempt of
   * the message runs is `queued`: its cycle starts right after that attempt is recorded. Several
   * asked for during one attempt make one cycle, to the url of the last.
   */
  async replay(
    messageId: string,
    mode: 'same-id' | 'new-id',
    url: string | undefined,
  ): Promise<{ message: MessageRecord; queued: boolean }> {
    const { original, subscription } = await this.replayable(messageId, url)
    if (mode === 'same-id') {
      if (this.stepping.has(messageId)) {
        this.replayAfterStep.set(messageId, url)
        return { message: original, queued: true }
      }
      return { message: await this.restartCycle(original, url), queued: false }
    }
    const event = (await this.deps.events.get(original.event_id))?.value
    if (!event) throw new HookbenchError('conflict', `The event of message ${messageId} is no longer stored.`)
    const replayed = {
      ...this.newMessage(subscription, event, original.message_id),
      url_override: url ?? null,
    }
    await this.save([replayed])
    this.queue.add(replayed)
    this.queue.pump()
    return { message: replayed, queued: false }
  }

  /** The message a replay is asked for, and its subscription, if that takes replays now. */
  private async replayable(
    messageId: string,
    url: string | undefined,
  ): Promise<{ original: MessageRecord; subscription: Subscription }> {
    const original = (await this.deps.messages.get(messageId))?.value
    if (!original) throw new HookbenchError('not_found', `No message ${messageId}.`)
    const subscription = this.subscription(original.subscription_id)
    if (!subscription) {
      throw new HookbenchError(
        'conflict',
        `Subscription ${original.subscription_id} of this message was deleted.`,
      )
    }
    if (!subscription.enabled && url === undefined) {
      throw new HookbenchError(
        'conflict',
        `Subscription ${subscription.id} is disabled (${subscription.disabled_reason ?? 'by the user'}): enable it, or replay to another url.`,
      )
    }
    return { original, subscription }
  }

  /** A same-id replay: a new delivery cycle of the message, due now (no attempt of it is running). */
  private async restartCycle(original: MessageRecord, url: string | undefined): Promise<MessageRecord> {
    const messageId = original.message_id
    // A message waiting for its next retry starts its new cycle now instead.
    const waiting = this.queue.current(messageId)
    const current = waiting ?? original
    const now = this.deps.scheduler.now()
    const replayed: MessageRecord = {
      ...current,
      status: 'pending',
      status_reason: null,
      url_override: url ?? null,
      cycle_offset: current.attempt_ids.length,
      next_attempt_at: now,
      updated_at: new Date(now).toISOString(),
    }
    // Current from now on, so the waiting version cannot start while this one is written.
    this.queue.update(replayed)
    try {
      await this.save([replayed])
    } catch (error) {
      this.queue.restore(messageId, waiting)
      throw error
    }
    this.queue.schedule(replayed)
    this.queue.pump()
    return replayed
  }

  private newMessage(subscription: Subscription, event: EventRecord, replayOf: string | null): MessageRecord {
    const now = this.deps.scheduler.now()
    const messageId = randomUUID()
    const createdAt = new Date(now).toISOString()
    const rendered = renderMessage(subscription, event, messageId, createdAt)
    return {
      message_id: messageId,
      event_id: event.event_id,
      subscription_id: subscription.id,
      profile: subscription.profile,
      topic: event.topic,
      url: rendered.url,
      url_override: null,
      body: rendered.body,
      status: 'pending',
      status_reason: null,
      attempt_ids: [],
      cycle_offset: 0,
      next_attempt_at: firstAttemptAt(subscription, now, this.random),
      last_status_code: null,
      last_latency_ms: null,
      created_at: createdAt,
      updated_at: createdAt,
      replay_of: replayOf,
    }
  }

  // ---- one delivery step ---------------------------------------------------------------------

  /** One attempt, then the same-id replay asked for while it ran (on disk before the step ends). */
  private async step(due: MessageRecord): Promise<void> {
    const messageId = due.message_id
    this.stepping.add(messageId)
    try {
      await this.deliver(due)
    } finally {
      // Checked until none is left, and the step ended in the same turn: no replay falls between.
      while (this.replayAfterStep.has(messageId)) {
        const url = this.replayAfterStep.get(messageId)
        this.replayAfterStep.delete(messageId)
        await this.runQueuedReplay(messageId, url)
      }
      this.stepping.delete(messageId)
    }
  }

  private async runQueuedReplay(messageId: string, url: string | undefined): Promise<void> {
    try {
      // Asked again now: the subscription may have been disabled or deleted during the attempt.
      const { original } = await this.replayable(messageId, url)
      await this.restartCycle(original, url)
    } catch (error) {
      console.error(
        `[hookbench] the replay queued behind an attempt of message ${messageId} did not start:`,
        error,
      )
    }
  }

  private async deliver(due: MessageRecord): Promise<void> {
    const subscription = this.subscription(due.subscription_id)
    const orphaned = orphanReason(subscription, due)
    if (orphaned !== null || !subscription) {
      await this.finish(due, { status: 'failed', status_reason: orphaned, next_attempt_at: null }, [])
      return
    }
    const authConfig = subscription.auth_config_id
      ? (this.deps.config.read().auth_configs.find((c) => c.id === subscription.auth_config_id) ?? null)
      : null
    const runner = {
      secrets: this.openedSecrets,
      tokens: this.tokens,
      scheduler: this.deps.scheduler,
      userAgent: this.deps.userAgent,
      dispatcher: this.dispatcher,
    }
    const trigger = triggerOf(due)
    let message = due
    let attempts: AttemptRecord[]
    try {
      // Templated headers and URLs read the event; most subscriptions have none, so skip the read then.
      const templated =
        (due.url_override === null && subscription.url.includes('{')) ||
        Object.values(subscription.headers).some((h) => !h.secret && h.value?.includes('{'))
      const event = templated ? ((await this.deps.events.get(due.event_id))?.value ?? null) : null
      // One context for the URL and the header values, the same the payload and the editor's preview use.
      const context = event ? templateContext(event.topic, event.data) : null
      const url = urlNow(subscription, due, context)
      message = url === due.url ? due : { ...due, url }
      attempts = await runAttempt(runner, {
        subscription,
        authConfig,
        message,
        templateContext: context,
        trigger,
      })
    } catch (error) {
      // runAttempt records its own failures; this is for whatever else stops an attempt. The
      // message gets a failed attempt saying why and follows its retry schedule: it never stays
      // pending with no attempt and no reason.
      const unsent = { subscription, authConfig, message, templateContext: null, trigger }
      attempts = [unsentAttempt(runner, unsent, error)]
    }
    const decision = decide({
      settings: subscription,
      last: attempts.at(-1) as AttemptRecord,
      attemptsMade: message.attempt_ids.length + attempts.length - message.cycle_offset,
      now: this.deps.scheduler.now(),
      failingSince: this.failingSince.get(subscription.id),
      random: this.random,
    })
    if (decision.failingSince === null) this.failingSince.delete(subscription.id)
    else this.failingSince.set(subscription.id, decision.failingSince)
    if (decision.disable !== null) await this.disable(subscription.id, decision.disable)
    const saved = await this.finish(message, decision.message, attempts)
    if (saved.status !== 'pending' || !this.queue.isCurrent(saved)) return
    // Disabled or deleted while this attempt ran (settleOrphans skipped it then): fail it now.
    const orphanedNow = orphanReason(this.subscription(saved.subscription_id), saved)
    if (orphanedNow === null) this.queue.schedule(saved)
    else await this.finish(saved, { status: 'failed', status_reason: orphanedNow, next_attempt_at: null }, [])
  }

  /** Writes the attempts, then the message's new state; emits both once they are on disk. */
  private async finish(
    message: MessageRecord,
    change: Pick<MessageRecord, 'status' | 'status_reason' | 'next_attempt_at'>,
    attempts: AttemptRecord[],
  ): Promise<MessageRecord> {
    const last = attempts.at(-1)
    const updated: MessageRecord = {
      ...message,
      ...change,
      attempt_ids: [...message.attempt_ids, ...attempts.map((a) => a.attempt_id)],
      last_status_code: last ? (last.response?.status ?? null) : message.last_status_code,
      last_latency_ms: last ? last.duration_ms : message.last_latency_ms,
      updated_at: new Date(this.deps.scheduler.now()).toISOString(),
    }
    if (attempts.length > 0)
      await this.deps.attempts.append(attempts.map((a) => ({ id: a.attempt_id, value: toStoredAttempt(a) })))
    await this.save([updated])
    this.queue.update(updated)
    for (const attempt of attempts) this.deps.onChange?.({ type: 'attempt.completed', attempt })
    return updated
  }

  private async save(messages: MessageRecord[]): Promise<void> {
    if (messages.length === 0) return
    await this.deps.messages.append(messages.map((m) => ({ id: m.message_id, value: m })))
    for (const message of messages) this.deps.onChange?.({ type: 'message.updated', message })
  }

  /**
   * Fails, now rather than at their next retry, the waiting messages whose subscription was deleted
   * or disabled (runs after every configuration change). Attempts in flight finish first.
   */
  private async settleOrphans(): Promise<void> {
    const orphans: Array<{ message: MessageRecord; reason: string }> = []
    for (const message of this.queue.idle()) {
      const reason = orphanReason(this.subscription(message.subscription_id), message)
      if (reason !== null) orphans.push({ message, reason })
    }
    for (const { message } of orphans) this.queue.forget(message.message_id)
    await Promise.all(
      orphans.map(({ message, reason }) =>
        this.finish(message, { status: 'failed', status_reason: reason, next_attempt_at: null }, []),
      ),
    )
  }

  private subscription(id: string): Subscription | undefined {
    return this.deps.config.read().subscriptions.find((s) => s.id === id)
  }

  private async disable(subscriptionId: string, reason: string): Promise<void> {
    let disabled: { subscription_id: string; name: string; reason: string } | null = null
    await this.deps.config.update((draft) => {
      const target = draft.subscriptions.find((s) => s.id === subscriptionId)
      if (target?.enabled) {
        target.enabled = false
        target.disabled_reason = reason
        disabled = { subscription_id: target.id, name: displayName(target.name), reason }
      }
    })
    this.failingSince.delete(subscriptionId)
    if (disabled) this.deps.onChange?.({ type: 'subscription.disabled', subscription: disabled })
  }
}

/**
 * Where an attempt goes: the subscription's URL as it is now (retries follow a URL the user fixed),
 * rendered against the event. A replay's url is kept as the message has it, and a templated URL
 * whose event retention dropped stays as it was first rendered.
 */
function urlNow(
  subscription: Subscription,
  message: MessageRecord,
  context: Record<string, unknown> | null,
): string {
  if (message.url_override !== null) return message.url
  if (!subscription.url.includes('{')) return subscription.url
  return context ? renderUrl(subscription, context) : message.url
}

/** A localized name shows its first locale. */
function displayName(name: Subscription['name']): string {
  return typeof name === 'string' ? name : (Object.values(name)[0] ?? '')
}

/** Why this attempt happens: the first of a delivery cycle (scheduled, or a replay), or a retry. */
function triggerOf(message: MessageRecord): AttemptRecord['trigger'] {
  if (message.attempt_ids.length > message.cycle_offset) return 'retry'
  return message.replay_of !== null || message.cycle_offset > 0 ? 'replay' : 'scheduled'
}

/** An event as sending records it, stamped `now`. */
export function eventOf(input: SendEventInput, now: number): EventRecord {
  return {
    event_id: randomUUID(),
    topic: input.topic,
    data: input.data,
    tenant_id: input.tenant_id ?? null,
    entity_key: input.entity_key ?? null,
    resource_id: input.resource_id ?? null,
    created_at: new Date(now).toISOString(),
  }
}
