import { describe, expect, it } from 'vitest'
import {
  bodyOf,
  isCatalogTopic,
  paddedBodyOf,
  sampleEvent,
  unknownEvent,
} from '../../../../src/core/checks/sample-events.ts'
import { subscriptionProfiles } from '../../../../src/shared/domain/subscription.ts'

const at = { messageId: 'msg-1', seconds: 1_767_225_600 } // 2026-01-01T00:00:00Z

describe('the events the checks send', () => {
  it.each(subscriptionProfiles)(
    '%s: the unknown event is outside its catalog, the sample inside',
    (profile) => {
      expect(isCatalogTopic(profile, unknownEvent(profile).topic)).toBe(false)
      if (profile !== 'standard') expect(isCatalogTopic(profile, sampleEvent(profile).topic)).toBe(true)
    },
  )

  it("builds each vendor's own body shape", () => {
    const body = (profile: (typeof subscriptionProfiles)[number]) =>
      JSON.parse(bodyOf({ profile, event: sampleEvent(profile), ...at }))
    expect(body('standard')).toEqual({
      type: 'order.paid',
      timestamp: '2026-01-01T00:00:00.000Z',
      data: { id: 'ord_1042', status: 'paid', amount: 4200, currency: 'EUR' },
    })
    expect(Object.keys(body('rustici'))).toEqual([
      'tenant_id',
      'subscription_id',
      'topic',
      'body',
      'message_id',
      'timestamp',
      'body_version',
      'message_version',
    ])
    expect(body('rustici')).toMatchObject({ topic: 'JOB_PROCESSED', message_id: 'msg-1' })
    expect(Object.keys(body('quicklysign'))).toEqual([
      'subscription_key',
      'entity_key',
      'entity_type',
      'callback_event',
    ])
    expect(body('iam')).toMatchObject({ event: 'user.created', timestamp: '2026-01-01T00:00:00.000Z' })
    expect(body('iam').resource_id).toEqual(expect.any(String))
    expect(body('contensis')).toMatchObject({ event: { name: 'entry.created' }, resource: { sys: {} } })
  })

  it('a Contensis unknown event names itself in the body too', () => {
    const event = unknownEvent('contensis')
    const body = JSON.parse(bodyOf({ profile: 'contensis', event, ...at }))
    expect(body.event.name).toBe('entry.hookbenchUnknownEvent')
  })

  it.each(['standard', 'rustici', 'iam', 'contensis'] as const)(
    '%s: pads a body to exactly the size asked',
    (profile) => {
      const body = paddedBodyOf({ profile, event: sampleEvent(profile), ...at }, 256 * 1024)
      expect(Buffer.byteLength(body ?? '')).toBe(256 * 1024)
      expect(() => JSON.parse(body ?? '')).not.toThrow()
    },
  )

  it('has no large QuicklySign body: its callbacks do not carry the data', () => {
    expect(
      paddedBodyOf({ profile: 'quicklysign', event: sampleEvent('quicklysign'), ...at }, 1024),
    ).toBeNull()
  })
})
