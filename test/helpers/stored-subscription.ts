import { SubscriptionSchema } from '../../src/shared/domain/subscription.ts'

/** A valid subscription as the config store keeps it: named `id`, to a closed port, unless `fields` say otherwise. */
export function storedSubscription(id: string, fields: object = {}) {
  const at = '2026-01-01T00:00:00.000Z'
  return SubscriptionSchema.parse({
    id,
    name: id,
    url: 'http://127.0.0.1:9/hook',
    headers: {},
    signing: null,
    disabled_reason: null,
    version: { created: at, createdBy: 'test', modified: at, modifiedBy: 'test', versionNo: '1.0' },
    ...fields,
  })
}
