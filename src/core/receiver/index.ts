import type { Clock } from '../../shared/clock.ts'
import type { EventBus } from '../events/event-bus.ts'
import type { SecretBox } from '../secrets/secret-box.ts'
import type { ConfigStore } from '../store/config/config-store.ts'
import type { RecordLog } from '../store/log/record-log.ts'
import { createBinRegistry } from './bins.ts'
import { capturedCredentials, secretHeaderNamesOf } from './captured-credentials.ts'
import { createForwarder, type ForwardPolicy } from './forwarder.ts'
import { createHooksRoute } from './hooks-route.ts'
import { type ReceiverHandlers, receiverHandlers } from './receiver-handlers.ts'
import type { ReceiverRoute } from './receiver-server.ts'
import type { RequestRecord } from './request-record.ts'
import { createRequestStore } from './request-store.ts'
import { createResponsePicker } from './response-rules.ts'

export interface ReceiverDeps {
  config: ConfigStore
  log: RecordLog<RequestRecord>
  events: EventBus
  /** Seals the credentials a capture carries (the box config secrets are sealed with). */
  secrets: SecretBox
  clock: Clock
  version: string
  receiverUrl: () => string | null
  forwardPolicy?: ForwardPolicy
  isIssuedToken?: (token: string) => boolean
}

export interface Receiver {
  handlers: ReceiverHandlers
  /** Mounted on the receiver listener at /hooks/. */
  hooks: ReceiverRoute
  /** Stops forwarding (pending forwards resume on the next start). Call before the log closes. */
  close(): Promise<void>
}

/** Bins, captures, forwarding and replay, wired together over the config and the `requests` log. */
export function openReceiver(deps: ReceiverDeps): Receiver {
  const bins = createBinRegistry(deps.config, deps.clock)
  const credentials = capturedCredentials(
    deps.secrets,
    secretHeaderNamesOf(() => deps.config.read().subscriptions),
  )
  const store = createRequestStore(deps.log, deps.clock, credentials.hidesValue)
  const picker = createResponsePicker()
  const forwarder = createForwarder({
    store,
    credentials,
    events: deps.events,
    clock: deps.clock,
    ...(deps.forwardPolicy ? { policy: deps.forwardPolicy } : {}),
  })
  // Forwards still pending when Hookbench last stopped go out again.
  void store
    .pendingForwards()
    .then((ids) => {
      for (const id of ids) forwarder.enqueue(id)
    })
    .catch(() => {}) // already reported by the store

  const hooks = createHooksRoute({
    bins,
    store,
    picker,
    forwarder,
    credentials,
    events: deps.events,
    clock: deps.clock,
    ...(deps.isIssuedToken ? { isIssuedToken: deps.isIssuedToken } : {}),
  })
  return {
    handlers: receiverHandlers({
      bins,
      store,
      picker,
      credentials,
      events: deps.events,
      secrets: deps.secrets,
      clock: deps.clock,
      version: deps.version,
      receiverUrl: deps.receiverUrl,
    }),
    hooks,
    close: () => forwarder.close(),
  }
}
