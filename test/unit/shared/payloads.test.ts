import { describe, expect, it } from 'vitest'
import { catalog } from '../../../src/shared/catalog/index.ts'
import { type PayloadInput, payloadOf } from '../../../src/shared/payloads.ts'

const iam = (data: unknown, resourceId: string | null = null): PayloadInput => ({
  profile: 'iam',
  subscriptionId: 's',
  topic: 'user.role.assigned',
  data,
  messageId: 'm',
  timestamp: '2026-11-30T00:00:00.000Z',
  tenantId: null,
  entityKey: null,
  resourceId,
  templates: {},
})

describe("IAM resource_id (the IAM server's documentation: a Uuid its receivers require)", () => {
  it('is the event resource_id, else data.id, else data.user_id', () => {
    expect(payloadOf(iam({ id: 'r-1', user_id: 'u-1' }, 'given')).body).toMatchObject({
      resource_id: 'given',
    })
    expect(payloadOf(iam({ id: 'r-1', user_id: 'u-1' })).body).toMatchObject({ resource_id: 'r-1' })
    expect(payloadOf(iam({ user_id: 'u-1', role: { id: 'role-1' } })).body).toMatchObject({
      resource_id: 'u-1',
    })
    expect(payloadOf(iam(['u-1', 'u-2'])).body).toMatchObject({ resource_id: null })
  })

  it('is set for every catalog example but the bulk deletion, which sends a list', () => {
    const topics = catalog.find((profile) => profile.id === 'iam')?.event_types ?? []
    const missing = topics
      .filter(
        (type) =>
          (payloadOf({ ...iam(type.example), topic: type.topic }).body as { resource_id: unknown })
            .resource_id === null,
      )
      .map((type) => type.topic)
    expect(missing).toEqual(['user.bulk_deleted'])
  })
})
