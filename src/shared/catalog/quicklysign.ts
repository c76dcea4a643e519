import type { Profile } from './schema.ts'

/**
 * The document QuicklySign's own example subscribes to (its `entity_key` in the Create Subscription response).
 * Subscriptions currently only support documents, so every callback is about a Document.
 */
const documentChange = {
  entity_key: 'ahNkZXZ-cXVpY2tseXNpZ24tZGV2chULEghEb2N1bWVudBiAgICAgMDvCww',
  entity_type: 'Document',
}

export const quicklysign: Profile = {
  id: 'quicklysign',
  name: 'QuicklySign',
  description:
    'QuicklySign is an e-signature service whose subscriptions POST to a callback url when a subscribed ' +
    'document changes. The callback body is {subscription_key, entity_key, entity_type, callback_event}, ' +
    'and the callback url must return 200 for the delivery to count as a success.',
  source: 'QuicklySign: Subscription Webhooks',
  seed: '001_cb0377e4cd667af4.txt',
  success_rule: 'exactly-200',
  event_types: [
    {
      topic: 'entity_updated',
      description: 'Data on the entity was updated.',
      example: documentChange,
    },
    {
      topic: 'document_status_changed',
      description: 'The status of the subscribed document changed.',
      example: documentChange,
    },
    {
      topic: 'final_document_generated',
      description: 'The final document of the subscribed document was generated.',
      example: documentChange,
    },
  ],
}
