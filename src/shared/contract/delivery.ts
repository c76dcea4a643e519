import { z } from 'zod'
import {
  AuthConfigInputSchema,
  AuthConfigSchema,
  IdInputSchema,
  RevealInputSchema,
  TestAuthConfigInputSchema,
  TestAuthConfigOutputSchema,
  TestUnsavedAuthConfigInputSchema,
  UpdateAuthConfigInputSchema,
} from '../domain/auth-config.ts'
import {
  AttemptCurlInputSchema,
  EventRecipientsInputSchema,
  EventRecipientsOutputSchema,
  GetMessageInputSchema,
  ListMessagesInputSchema,
  ListMessagesOutputSchema,
  MessageDetailSchema,
  ReplayMessageInputSchema,
  ReplayMessageOutputSchema,
  SendEventInputSchema,
  SendEventOutputSchema,
} from '../domain/message.ts'
import {
  CreateSubscriptionInputSchema,
  PatchSubscriptionInputSchema,
  ReplaceSubscriptionInputSchema,
  RotateSigningInputSchema,
  SubscriptionSchema,
} from '../domain/subscription.ts'
import { defineOperation } from './define.ts'

const listOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item) })
const ListInputSchema = z.strictObject({ reveal: z.union([z.boolean(), z.stringbool()]).default(false) })

/** Subscriptions and their auth configs (the delivery issue). */
export const deliveryOperations = {
  listAuthConfigs: defineOperation({
    method: 'GET',
    path: '/api/auth-configs',
    summary: 'Auth configs, as Rustici Generator defines them; secrets shown as •••• unless ?reveal=true.',
    input: ListInputSchema,
    output: listOf(AuthConfigSchema),
  }),
  createAuthConfig: defineOperation({
    method: 'POST',
    path: '/api/auth-configs',
    summary:
      'NO_AUTH, BASIC_AUTH {key, secret} or OAUTH_2_CLIENT_CREDENTIALS {scope, token_url, key, secret}.',
    input: AuthConfigInputSchema,
    output: AuthConfigSchema,
    status: 201,
  }),
  getAuthConfig: defineOperation({
    method: 'GET',
    path: '/api/auth-configs/{id}',
    summary: 'One auth config.',
    input: RevealInputSchema,
    output: AuthConfigSchema,
  }),
  updateAuthConfig: defineOperation({
    method: 'PUT',
    path: '/api/auth-configs/{id}',
    summary: 'Replaces an auth config, with the same rules as creating one.',
    input: UpdateAuthConfigInputSchema,
    output: AuthConfigSchema,
  }),
  deleteAuthConfig: defineOperation({
    method: 'DELETE',
    path: '/api/auth-configs/{id}',
    summary: 'Deletes an auth config; 409 while a subscription uses it.',
    input: IdInputSchema,
    output: z.void(),
    status: 204,
  }),
  testAuthConfig: defineOperation({
    method: 'POST',
    path: '/api/auth-configs/{id}/test',
    summary:
      'OAuth configs: fetches a token now (never from the cache) and shows the exchange, secrets masked; ' +
      'key, secret, scope, token_url in the body test unsaved values (nothing is saved).',
    input: TestAuthConfigInputSchema,
    output: TestAuthConfigOutputSchema,
  }),
  testUnsavedAuthConfig: defineOperation({
    method: 'POST',
    path: '/api/auth-configs/test',
    summary:
      'An OAuth config not saved yet ({key, secret, scope, token_url}): fetches a token and shows the ' +
      'exchange, secrets masked, as testAuthConfig does; nothing is saved.',
    input: TestUnsavedAuthConfigInputSchema,
    output: TestAuthConfigOutputSchema,
  }),
  listSubscriptions: defineOperation({
    method: 'GET',
    path: '/api/subscriptions',
    summary:
      'Subscriptions; secret header values are never returned, signing secrets only with ?reveal=true.',
    input: ListInputSchema,
    output: listOf(SubscriptionSchema),
  }),
  createSubscription: defineOperation({
    method: 'POST',
    path: '/api/subscriptions',
    summary: 'Creates a subscription for a profile (rustici, quicklysign, contensis, iam, standard).',
    input: CreateSubscriptionInputSchema,
    output: SubscriptionSchema,
    status: 201,
  }),
  getSubscription: defineOperation({
    method: 'GET',
    path: '/api/subscriptions/{id}',
    summary: 'One subscription.',
    input: RevealInputSchema,
    output: SubscriptionSchema,
  }),
  replaceSubscription: defineOperation({
    method: 'PUT',
    path: '/api/subscriptions/{id}',
    summary: 'Replaces a subscription; a secret header sent as {secret: true} keeps its stored value.',
    input: ReplaceSubscriptionInputSchema,
    output: SubscriptionSchema,
  }),
  patchSubscription: defineOperation({
    method: 'PATCH',
    path: '/api/subscriptions/{id}',
    summary: 'Changes some fields (e.g. {enabled: false}); the result is validated as a whole.',
    input: PatchSubscriptionInputSchema,
    output: SubscriptionSchema,
  }),
  deleteSubscription: defineOperation({
    method: 'DELETE',
    path: '/api/subscriptions/{id}',
    summary: 'Deletes a subscription.',
    input: IdInputSchema,
    output: z.void(),
    status: 204,
  }),
  rotateSigningSecret: defineOperation({
    method: 'POST',
    path: '/api/subscriptions/{id}/signing/rotate',
    summary:
      'New signing secret; the old one keeps signing for overlap_ms (default 24 h). Answers it revealed.',
    input: RotateSigningInputSchema,
    output: SubscriptionSchema,
  }),
} as const

/** Events in, messages out: sending, inspecting and replaying (the delivery issue). */
export const messageOperations = {
  sendEvent: defineOperation({
    method: 'POST',
    path: '/api/events',
    summary: 'Sends an event: one message per enabled matching subscription, delivered in the background.',
    input: SendEventInputSchema,
    output: SendEventOutputSchema,
    status: 202,
  }),
  eventRecipients: defineOperation({
    method: 'POST',
    path: '/api/events/recipients',
    summary:
      'Which enabled subscriptions an event would reach if sent now, by the rule sending uses; sends nothing.',
    input: EventRecipientsInputSchema,
    output: EventRecipientsOutputSchema,
  }),
  listMessages: defineOperation({
    method: 'GET',
    path: '/api/messages',
    summary:
      'Messages newest first; filter by subscription_id, event_id, topic, status, since, until; cursor paging.',
    input: ListMessagesInputSchema,
    output: ListMessagesOutputSchema,
  }),
  getMessage: defineOperation({
    method: 'GET',
    path: '/api/messages/{message_id}',
    summary: 'A message with every attempt as sent; credentials masked unless ?reveal=true.',
    input: GetMessageInputSchema,
    output: MessageDetailSchema,
  }),
  replayMessage: defineOperation({
    method: 'POST',
    path: '/api/messages/{message_id}/replay',
    summary:
      'Delivers a message again: same-id (same message_id, fresh signature) or new-id; url sends it elsewhere. ' +
      'A same-id replay while an attempt runs answers queued: true and starts right after it.',
    input: ReplayMessageInputSchema,
    output: ReplayMessageOutputSchema,
    status: 202,
  }),
  getAttemptCurl: defineOperation({
    method: 'GET',
    path: '/api/messages/{message_id}/attempts/{attempt_id}/curl',
    summary: 'An attempt as a curl command (credentials masked unless ?reveal=true).',
    input: AttemptCurlInputSchema,
    output: z.object({ curl: z.string() }),
  }),
} as const
