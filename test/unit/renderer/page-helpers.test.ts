import { describe, expect, it } from 'vitest'
import {
  countTopics,
  filterCatalog,
  findTopic,
  successRuleLabel,
  topicKey,
} from '../../../src/renderer/src/features/events/catalog-view.ts'
import { checkJson } from '../../../src/renderer/src/features/events/json-validity.ts'
import { clientErrors } from '../../../src/renderer/src/features/settings/client-form.ts'
import { parseTemplate } from '../../../src/renderer/src/features/subscriptions/preview.ts'
import { errorAt, errorsOf } from '../../../src/renderer/src/ui/field-errors.ts'
import {
  bytesOf,
  formatBytes,
  formatSeconds,
  hexDump,
  plural,
  prettyJson,
  relativeTime,
  schedulePreview,
  scheduleSpan,
  sizeOf,
  textOf,
  timeOf,
} from '../../../src/renderer/src/ui/format.ts'
import { catalog } from '../../../src/shared/catalog/index.ts'
import { refusalBody } from '../../helpers/refusal-body.ts'

describe('the Events catalog view', () => {
  it('keeps the topics where every word appears, grouped by system, and drops empty groups', () => {
    const groups = filterCatalog(catalog, 'user created')
    expect(groups.map((group) => group.profile.id)).toEqual(['iam'])
    expect(groups[0]?.topics.map((type) => type.topic)).toContain('user.created')
    expect(filterCatalog(catalog, 'no-such-topic-anywhere')).toEqual([])
    expect(countTopics(filterCatalog(catalog, ''))).toBe(
      catalog.reduce((sum, profile) => sum + profile.event_types.length, 0),
    )
  })

  it('finds a topic by its key, which is unique per system', () => {
    const iam = catalog.find((profile) => profile.id === 'iam')
    const created = iam?.event_types.find((type) => type.topic === 'user.created')
    if (!iam || !created) throw new Error('the catalog has no IAM user.created')
    expect(findTopic(catalog, topicKey(iam, created))).toEqual({ profile: iam, eventType: created })
    expect(findTopic(catalog, 'rustici/user.created')).toBeNull()
    expect(findTopic(catalog, null)).toBeNull()
    expect(successRuleLabel('exactly-200')).toBe('Success on exactly 200')
  })

  it('says why text is not JSON', () => {
    expect(checkJson('{"a": [1, 2]}')).toEqual({ ok: true })
    const broken = checkJson('{"a": }')
    expect(broken.ok).toBe(false)
    expect(broken.ok ? '' : broken.message).toMatch(/JSON|token/i)
  })
})

describe('the Inbox formats', () => {
  it('shows milliseconds today, and 00 (not 24) for the hour after midnight', () => {
    const now = new Date(2026, 10, 24, 18, 0, 0)
    expect(timeOf(new Date(2026, 10, 24, 0, 3, 7, 45).toISOString(), now)).toMatch(/^00.03.07\.045$/)
    const other = timeOf(new Date(2026, 10, 20, 14, 3, 7).toISOString(), now)
    expect(other).toMatch(/20/)
    expect(other).toMatch(/14.03.07$/)
  })

  it('sizes, bytes of either encoding, and an xxd-style dump', () => {
    expect(sizeOf(1023)).toBe('1023 B')
    expect(sizeOf(1536)).toBe('1.5 KB')
    expect(Array.from(bytesOf('aé', 'utf8'))).toEqual([0x61, 0xc3, 0xa9])
    expect(Array.from(bytesOf('AAEC', 'base64'))).toEqual([0, 1, 2])
    const dump = hexDump(bytesOf('{"hello":"world!"}', 'utf8'))
    expect(dump.split('\n')).toEqual([
      '00000000: 7b22 6865 6c6c 6f22 3a22 776f 726c 6421  {"hello":"world!',
      '00000010: 227d                                     "}',
    ])
    expect(hexDump(new Uint8Array(40), 16).split('\n').at(-1)).toBe('… 24 more bytes')
  })

  it('pretty-prints JSON bodies only', () => {
    expect(prettyJson('{"a":1}')).toBe('{\n  "a": 1\n}')
    expect(prettyJson('a=1&b=2')).toBeNull()
    expect(prettyJson('{"a":')).toBeNull()
  })
})

describe('the Settings and Subscriptions formats', () => {
  it('writes sizes and counts for people', () => {
    expect(formatBytes(812)).toBe('812 B')
    expect(formatBytes(4300)).toBe('4.2 KB')
    expect(formatBytes(37 * 1024 * 1024)).toBe('37 MB')
    expect(plural(1, 'bin')).toBe('1 bin')
    expect(plural(3, 'bin')).toBe('3 bins')
  })

  it('writes a retry schedule as delays and its span, also in compressed time', () => {
    expect(formatSeconds(0.5)).toBe('500 ms')
    expect(formatSeconds(90)).toBe('1.5 min')
    expect(formatSeconds(7200)).toBe('2 h')
    expect(schedulePreview([0, 5, 300])).toBe('now, 5 s, 5 min')
    expect(scheduleSpan([0, 3600, 3600], 1)).toBe('3 attempts over 2 h')
    expect(scheduleSpan([0, 3600, 3600], 3600)).toBe(
      '3 attempts over 2 h of schedule — 2 s of real time at ×3,600',
    )
  })

  it('says how long ago, and shows localized names in their first language', () => {
    const now = Date.parse('2026-11-24T12:00:00.000Z')
    expect(relativeTime('2026-11-24T11:59:58.000Z', now)).toBe('just now')
    expect(relativeTime('2026-11-24T11:59:30.000Z', now)).toBe('30 s ago')
    expect(relativeTime('2026-11-24T11:57:30.000Z', now)).toBe('2 min ago')
    expect(relativeTime('not a date', now)).toBe('')
    expect(textOf({ 'fr-FR': 'Actualités', 'en-GB': 'News' })).toBe('Actualités')
    expect(textOf(undefined)).toBe('')
  })

  it('puts each refusal under its field and keeps the rest for the form', () => {
    const refusal = refusalBody('Invalid subscription', [
      ['retry_schedule.3', 'Too small: expected number to be >=0'],
      ['url', 'Invalid URL.'],
    ])
    const { fields, general } = errorsOf(refusal, ['url', 'retry_schedule'])
    expect(fields).toEqual({
      'retry_schedule.3': 'Too small: expected number to be >=0',
      url: 'Invalid URL.',
    })
    expect(general).toBeNull()
    expect(errorAt(fields, 'retry_schedule')).toBe('Too small: expected number to be >=0')
    // No field of the form for either: both said, not just the first.
    expect(errorsOf(refusal, ['name']).general).toBe(
      'retry_schedule.3: Too small: expected number to be >=0; url: Invalid URL.',
    )
  })

  it('shows the API’s validation messages as they are, every one of them', () => {
    // POST /api/subscriptions with a blank name, an empty url and an unknown field.
    const refusal = refusalBody('Invalid input at "name": must not be blank', [
      ['name', 'must not be blank'],
      ['url', 'must not be empty'],
      ['url', 'url must start with http:// or https://'],
      ['bogus', 'unknown field "bogus"'],
    ])
    const { fields, general } = errorsOf(refusal, ['name', 'url'])
    expect(fields).toEqual({
      name: 'must not be blank',
      url: 'must not be empty; url must start with http:// or https://',
    })
    expect(general).toBe('bogus: unknown field "bogus"')
    const required = refusalBody('Invalid input at "url": required', [['url', 'required']])
    expect(errorsOf(required, ['url']).fields).toEqual({ url: 'required' })
    expect(errorsOf(required, ['name']).general).toBe('Invalid input at "url": required')
  })

  it('says a taken client ID in the API’s words, under the Client ID box', () => {
    const taken = refusalBody(
      'An OAuth client with client_id "demo" already exists.',
      [['client_id', 'already registered']],
      'conflict',
    )
    expect(clientErrors(taken)).toEqual({ fields: { client_id: 'already registered' }, general: null })
    const empty = refusalBody('Invalid input at "client_secret": must not be empty', [
      ['client_secret', 'must not be empty'],
    ])
    expect(clientErrors(empty).fields).toEqual({ client_secret: 'must not be empty' })
  })

  it('takes a template as JSON or as a bare whole-resource placeholder', () => {
    expect(parseTemplate('{/resource/}')).toEqual({ ok: true, value: '{/resource/}' })
    expect(parseTemplate(' {"id": "{/resource/sys/id}"} ')).toEqual({
      ok: true,
      value: { id: '{/resource/sys/id}' },
    })
    expect(parseTemplate('').ok).toBe(false)
    const broken = parseTemplate('{"id": ')
    expect(broken.ok ? '' : broken.error).toMatch(/^Not valid JSON: /)
  })
})
