import { describe, expect, it } from 'vitest'
import { deliveryMarks } from '../../../../../src/renderer/src/features/inbox/delivered-by.ts'
import { messageHref } from '../../../../../src/renderer/src/state/routes.ts'

describe('whether a capture is one of Hookbench’s deliveries', () => {
  it('reads the user agent and the webhook-id, whatever their case', () => {
    expect(
      deliveryMarks([
        ['User-Agent', 'Hookbench/0.1.0'],
        ['Webhook-Id', 'msg_1'],
      ]),
    ).toEqual({ byHookbench: true, messageId: 'msg_1' })
  })

  it('takes a webhook-id from another sender as a candidate only, and an unsigned delivery as unnamed', () => {
    expect(deliveryMarks([['webhook-id', 'msg_2']])).toEqual({ byHookbench: false, messageId: 'msg_2' })
    expect(deliveryMarks([['user-agent', 'Hookbench/0.1.0']])).toEqual({ byHookbench: true, messageId: null })
    expect(
      deliveryMarks([
        ['user-agent', 'curl/8.5.0'],
        ['webhook-id', ' '],
      ]),
    ).toEqual({
      byHookbench: false,
      messageId: null,
    })
  })

  it('links to the Messages page route, escaped', () => {
    expect(messageHref('a/b c')).toBe('#/messages/a%2Fb%20c')
  })
})
