import { generateSecret } from '../signing/standard-webhooks.ts'
import { type Delivery, type Exchange, type Probe, withHeader } from './probe.ts'
import type { CheckLevel, CheckProfile } from './report.ts'
import { successRuleOf, unknownEvent } from './sample-events.ts'
import { accepted, answerOf, bothAccepted, notCrashed, rejected, type Verdict } from './verdicts.ts'

/** What a check needs from the user; without it the check is skipped, saying so. */
export type CheckNeed = 'secret' | 'credentials'

export interface CheckDefinition {
  id: string
  title: string
  /**
   * must: a receiver failing it loses deliveries or takes forged ones. should: it works today but
   * breaks on something senders do (charsets, big bodies, reordering, clock drift).
   */
  level: CheckLevel
  needs: readonly CheckNeed[]
  /** Whether the check applies to the profile at all (vendor requirements); default every profile. */
  appliesTo?: (profile: CheckProfile) => boolean
  run(probe: Probe): Promise<Verdict & { exchange: Exchange }>
}

const TEN_MINUTES = 600
/** Standard Webhooks' replay window is 5 minutes: one minute older is still inside it. */
const ONE_MINUTE = 60
export const LARGE_PAYLOAD_BYTES = 256 * 1024

async function sendOne(probe: Probe, delivery: Delivery, verdict: (exchange: Exchange) => Verdict) {
  const exchange = await probe.send(delivery)
  return { ...verdict(exchange), exchange }
}

/** The same body with a field added in front: what a signature must catch. */
function tampered(body: string): string {
  return body.replace(/^\{/, '{"tampered":true,')
}

/** Every check, in the order they run. Ids are a contract (CLI `--only`, reports, CI history). */
export const checkDefinitions: readonly CheckDefinition[] = [
  {
    id: 'accepts-valid-delivery',
    title: 'Accepts a fresh, correctly signed delivery',
    level: 'must',
    needs: [],
    run: (probe) => sendOne(probe, probe.delivery(), (exchange) => accepted(exchange)),
  },
  {
    id: 'rejects-tampered-body',
    title: 'Rejects a body that does not match its signature',
    level: 'must',
    needs: ['secret'],
    run: (probe) => {
      const delivery = probe.delivery()
      return sendOne(probe, { ...delivery, body: tampered(delivery.body) }, (exchange) =>
        rejected(exchange, 'a tampered body'),
      )
    },
  },
  {
    id: 'rejects-wrong-secret',
    title: 'Rejects a delivery signed with another secret',
    level: 'must',
    needs: ['secret'],
    run: (probe) =>
      sendOne(probe, probe.delivery({ secrets: [generateSecret()] }), (exchange) =>
        rejected(exchange, 'a signature made with another secret'),
      ),
  },
  {
    id: 'rejects-missing-signature',
    title: 'Rejects a delivery without webhook-signature',
    level: 'must',
    needs: ['secret'],
    run: (probe) =>
      sendOne(probe, withHeader(probe.delivery(), 'webhook-signature', null), (exchange) =>
        rejected(exchange, 'an unsigned delivery'),
      ),
  },
  {
    id: 'rejects-stale-timestamp',
    title: 'Rejects a correctly signed delivery 10 minutes old (a replay)',
    level: 'must',
    needs: ['secret'],
    run: (probe) =>
      sendOne(probe, probe.delivery({ seconds: probe.nowSeconds() - TEN_MINUTES }), (exchange) =>
        rejected(exchange, 'a 10-minute-old timestamp'),
      ),
  },
  {
    id: 'rejects-future-timestamp',
    title: 'Rejects a correctly signed delivery dated 10 minutes ahead',
    level: 'should',
    needs: ['secret'],
    run: (probe) =>
      sendOne(probe, probe.delivery({ seconds: probe.nowSeconds() + TEN_MINUTES }), (exchange) =>
        rejected(exchange, 'a timestamp 10 minutes ahead'),
      ),
  },
  {
    id: 'accepts-rotated-secret',
    title: 'Accepts several signatures when the valid one is not first (secret rotation)',
    level: 'must',
    needs: ['secret'],
    run: (probe) => {
      const secret = probe.settings.secret ?? ''
      const delivery = probe.delivery({ secrets: [generateSecret(), secret, generateSecret()] })
      return sendOne(probe, delivery, (exchange) => accepted(exchange))
    },
  },
  {
    id: 'accepts-duplicate-delivery',
    title: 'Answers 2xx to the same webhook-id twice (a retry of a delivery it already has)',
    level: 'must',
    needs: [],
    run: async (probe) => {
      const first = probe.delivery()
      const firstExchange = await probe.send(first)
      // A sender's retry: the same id and body, signed again with a fresh timestamp.
      const exchange = await probe.send(probe.delivery({ messageId: first.messageId, body: first.body }))
      return { ...bothAccepted(firstExchange, exchange, ['first', 'again']), exchange }
    },
  },
  {
    id: 'tolerates-unknown-event',
    title: "Answers an event type outside the profile's catalog without crashing",
    level: 'must',
    needs: [],
    run: (probe) => {
      const event = unknownEvent(probe.settings.profile)
      return sendOne(probe, probe.delivery({ event }), (exchange) =>
        notCrashed(exchange, `an unknown event type (${event.topic})`),
      )
    },
  },
  {
    id: 'answers-in-time',
    title: 'Answers within the timeout',
    level: 'must',
    needs: [],
    run: (probe) =>
      sendOne(probe, probe.delivery(), (exchange) => ({
        ok: exchange.response !== null,
        expected: `an answer within ${probe.settings.timeoutMs} ms`,
        observed: answerOf(exchange),
      })),
  },
  {
    id: 'accepts-charset-content-type',
    title: 'Accepts Content-Type: application/json; charset=utf-8',
    level: 'should',
    needs: [],
    run: (probe) =>
      sendOne(probe, probe.delivery({ contentType: 'application/json; charset=utf-8' }), (exchange) =>
        accepted(exchange),
      ),
  },
  {
    id: 'accepts-large-payload',
    title: 'Accepts a 256 KB delivery',
    level: 'should',
    needs: [],
    // QuicklySign callbacks are four short fields: nothing of theirs is ever large.
    appliesTo: (profile) => profile !== 'quicklysign',
    run: (probe) =>
      sendOne(probe, probe.delivery({ padTo: LARGE_PAYLOAD_BYTES }), (exchange) => accepted(exchange)),
  },
  {
    id: 'survives-out-of-order',
    title: 'Accepts an older event that arrives after a newer one',
    level: 'should',
    needs: [],
    run: async (probe) => {
      const newerExchange = await probe.send(probe.delivery())
      const exchange = await probe.send(probe.delivery({ seconds: probe.nowSeconds() - ONE_MINUTE }))
      return { ...bothAccepted(newerExchange, exchange, ['newer', 'older']), exchange }
    },
  },
  {
    id: 'answers-exactly-200',
    title: 'Answers exactly 200 (the system counts nothing else, not 201 or 204, as delivered)',
    level: 'must',
    needs: [],
    appliesTo: (profile) => successRuleOf(profile) === 'exactly-200',
    run: (probe) => sendOne(probe, probe.delivery(), (exchange) => accepted(exchange, 'exactly-200')),
  },
  {
    id: 'rejects-missing-credentials',
    title: 'Rejects a delivery without the Authorization credentials',
    level: 'must',
    needs: ['credentials'],
    appliesTo: (profile) => profile === 'rustici',
    run: (probe) =>
      sendOne(probe, probe.delivery({ credentials: 'none' }), (exchange) =>
        rejected(exchange, 'a delivery without credentials'),
      ),
  },
  {
    id: 'rejects-wrong-credentials',
    title: 'Rejects a delivery with wrong credentials',
    level: 'must',
    needs: ['credentials'],
    appliesTo: (profile) => profile === 'rustici',
    run: (probe) =>
      sendOne(probe, probe.delivery({ credentials: 'wrong' }), (exchange) =>
        rejected(exchange, 'wrong credentials'),
      ),
  },
]
