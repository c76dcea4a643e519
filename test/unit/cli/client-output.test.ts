import { describe, expect, it } from 'vitest'
import { describeApiError } from '../../../src/cli/api-client.ts'
import { unknownTopic } from '../../../src/cli/catalog.ts'
import { closeMatches, editDistance } from '../../../src/cli/close-matches.ts'
import { describeContents } from '../../../src/cli/export.ts'
import { describeImport } from '../../../src/cli/import.ts'
import { describeReplay } from '../../../src/cli/replay.ts'
import { describeSent, noMatchHint } from '../../../src/cli/trigger.ts'
import { catalog } from '../../../src/shared/catalog/index.ts'
import { refusalBody } from '../../helpers/refusal-body.ts'

const TOPICS = catalog.flatMap((profile) => profile.event_types.map((type) => type.topic))
const CATALOG = { profiles: catalog }

describe('close matches for a mistyped topic', () => {
  it('finds typos, another case and another separator', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3)
    expect(closeMatches('user.create', TOPICS)[0]).toBe('user.created')
    expect(closeMatches('user_created', TOPICS)[0]).toBe('user.created')
    expect(closeMatches('job_processed', TOPICS)).toEqual(['JOB_PROCESSED'])
    expect(closeMatches('document_status_change', TOPICS)).toEqual(['document_status_changed'])
  })

  it('finds topics a fragment belongs to, and nothing for nonsense', () => {
    expect(closeMatches('realm', TOPICS)).toEqual(
      expect.arrayContaining(['realm.created', 'realm.deleted', 'realm.updated']),
    )
    expect(closeMatches('zzzzzzzzzzzz', TOPICS)).toEqual([])
    expect(closeMatches('created', TOPICS)).toHaveLength(5)
  })

  it('an unknown topic is a bad argument (exit 2) that lists them and says how to send it anyway', () => {
    const failed = unknownTopic('user.create', CATALOG)
    expect(failed.exitCode).toBe(2)
    expect(failed.message).toMatch(/^"user\.create" is not in the event catalog/)
    expect(failed.message).toContain('\nDid you mean: user.created')
    expect(failed.message).toMatch(/Pass --data to send it anyway.*all \d+ topics\.$/)
    expect(unknownTopic('qqqqqqqqqq', CATALOG).message).not.toContain('Did you mean')
  })
})

describe('what trigger prints', () => {
  const sent = {
    event_id: 'evt-1',
    messages: [
      { message_id: 'msg-1', subscription_id: 'sub-1' },
      { message_id: 'msg-2', subscription_id: 'sub-2' },
    ],
  }

  it('the event, how many messages, and to which subscription each went', () => {
    const names = new Map([['sub-1', 'My app']])
    expect(describeSent(sent, { topic: 'user.created', example: true, names, hint: '' })).toBe(
      "Sent user.created with the catalog's example data as event evt-1: 2 messages queued for delivery.\n" +
        '  message msg-1 → "My app" (subscription sub-1)\n' +
        '  message msg-2 → subscription sub-2\n',
    )
  })

  it('caps a long list', () => {
    const many = {
      event_id: 'e',
      messages: Array.from({ length: 12 }, (_, i) => ({ message_id: `m${i}`, subscription_id: `s${i}` })),
    }
    const lines = describeSent(many, { topic: 't', example: false, names: new Map(), hint: '' })
      .trimEnd()
      .split('\n')
    expect(lines).toHaveLength(12)
    expect(lines[0]).toBe('Sent t as event e: 12 messages queued for delivery.')
    expect(lines[11]).toBe('  … and 2 more (--json lists them all)')
  })

  it('no match: says nothing is delivered and hints at the subscription that would take it', () => {
    const none = { event_id: 'evt-2', messages: [] }
    const hint = noMatchHint({ topic: 'user.created' }, CATALOG)
    expect(hint).toBe(
      'Hint: add an enabled iam subscription that takes user.created (Subscriptions page, or POST /api/subscriptions).',
    )
    expect(describeSent(none, { topic: 'user.created', example: false, names: new Map(), hint })).toBe(
      `Sent user.created as event evt-2: no subscription matched, so nothing is delivered.\n${hint}\n`,
    )
    expect(noMatchHint({ topic: 'entity_updated' }, CATALOG)).toMatch(/pass --entity-key/)
    expect(noMatchHint({ topic: 'entity_updated', entityKey: 'doc_1' }, CATALOG)).not.toMatch(/--entity-key/)
    expect(noMatchHint({ topic: 'my.topic' }, null)).toMatch(
      /^Hint: add an enabled subscription that takes my\.topic/,
    )
  })
})

describe('what replay, export and import print', () => {
  it('replay: same id, new id, another URL', () => {
    const same = { message_id: 'm1', subscription_id: 's1', mode: 'same-id' as const }
    expect(describeReplay('m1', same, 'My app', undefined)).toBe(
      'Replayed message m1 (same message_id, signed afresh) to "My app" (subscription s1): queued for delivery.\n',
    )
    const fresh = { message_id: 'm2', subscription_id: 's1', mode: 'new-id' as const }
    expect(describeReplay('m1', fresh, null, 'http://127.0.0.1:3000/h')).toBe(
      'Replayed message m1 as new message m2 to http://127.0.0.1:3000/h instead of subscription s1: queued for delivery.\n',
    )
    const waiting = { ...same, queued: true as const }
    expect(describeReplay('m1', waiting, 'My app', undefined)).toBe(
      'Replayed message m1 (same message_id, signed afresh) to "My app" (subscription s1): queued to run right after the attempt in flight.\n',
    )
  })

  it('export: what the file holds', () => {
    expect(describeContents({ history: false, secrets: false })).toBe('the configuration (secrets as ••••)')
    expect(describeContents({ history: true, secrets: true })).toBe(
      'the configuration and history (secrets included: keep the file private)',
    )
  })

  it('import: every count, and the secrets to enter again', () => {
    const imported = {
      mode: 'replace' as const,
      config: { subscriptions: 1, auth_configs: 2, bins: 0, oauth_clients: 1, new_kind: 3 },
      history: { events: 2, messages: 1, attempts: 1, requests: 0 },
      secrets_missing: ['auth_configs.a.secret'],
    }
    expect(describeImport('ws.json', imported)).toBe(
      'Imported ws.json (replace): 1 subscription, 2 auth configs, 0 bins, 1 OAuth client, 3 new_kind; ' +
        'history: 2 events, 1 message, 1 attempt, 0 captured requests.\n' +
        '1 secret was redacted in the file and must be entered again: auth_configs.a.secret.\n',
    )
  })
})

describe("the API's error, as the user reads it", () => {
  it('the message, then one line per issue', () => {
    const body = refusalBody('Invalid input at "topic": required', [
      ['topic', 'required'],
      ['data.x', 'too long'],
    ])
    expect(describeApiError(body)).toBe(
      'Invalid input at "topic": required\n  topic: required\n  data.x: too long',
    )
  })

  it('an issue about the whole body is not said twice', () => {
    const message = 'The request body is not valid JSON.'
    expect(
      describeApiError({ code: 'bad_request', message, details: { issues: [{ path: '', message }] } }),
    ).toBe(message)
    expect(describeApiError({ code: 'not_found', message: 'No message m.' })).toBe('No message m.')
  })
})
