import { existsSync } from 'node:fs'
import { join } from 'node:path'
import type { Handlers } from '../shared/contract/index.ts'
import { catalogHandlers } from './catalog-handlers.ts'
import { checkRunHandlers } from './checks/check-run-handlers.ts'
import { CheckRuns } from './checks/check-runs.ts'
import { authConfigHandlers } from './delivery/auth-configs.ts'
import { messageHandlers } from './delivery/delivery-handlers.ts'
import { DeliveryEngine } from './delivery/engine.ts'
import { MessageIndex } from './delivery/message-index.ts'
import { realScheduler, type Scheduler } from './delivery/scheduler.ts'
import { toStreamEvent } from './delivery/stream-events.ts'
import { subscriptionHandlers } from './delivery/subscriptions.ts'
import { openEmulators } from './emulators/index.ts'
import { createEventBus, type EventBus } from './events/event-bus.ts'
import { inProcessApi } from './invoke.ts'
import { openOAuthServer, TOKEN_PATH } from './oauth-server/index.ts'
import { openReceiver } from './receiver/index.ts'
import type { MountedRoute, ReceiverRoute } from './receiver/receiver-server.ts'
import { KEY_FILE_NAME, openKeyFileBox, withKeyFileFallback } from './secrets/key-file-box.ts'
import type { SecretBox } from './secrets/secret-box.ts'
import { checkStoredSecrets } from './secrets/stored-secrets-check.ts'
import { openConfigStore } from './store/config/config-store.ts'
import { acquireDataDirLock } from './store/data-dir-lock.ts'
import { recordSchemas } from './store/record-schemas.ts'
import { openRecordStore } from './store/record-store.ts'
import { workspaceHandlers } from './workspace/workspace-handlers.ts'

// ---- What the transports and shells around core use (src/server, src/main, src/cli). This file is
// the only way into core from outside it (lint/core-entry.grit), so this list is all core offers.
export { junitXmlOf } from './checks/junit.ts'
export type {
  CheckOptions,
  CheckProfile,
  CheckReport,
  CheckResult,
  Credentials,
} from './checks/report.ts'
export { DEFAULT_CHECK_TIMEOUT_MS, mustChecksPassed } from './checks/report.ts'
export { checkIds, planChecks, runChecks } from './checks/run-checks.ts'
export type { EventBus } from './events/event-bus.ts'
export { inputDepthLimit, invokeOperation } from './invoke.ts'
export { readBody, sendError, sendJson } from './net/json-response.ts'
export { closeServer, listen, urlOf } from './net/server-lifecycle.ts'
export { createReceiverServer } from './receiver/receiver-server.ts'
export { type SecretBox, sealedPrefixes } from './secrets/secret-box.ts'
export { readFileIfPresent, writeFileAtomic } from './store/atomic-write.ts'
export { processIsAlive } from './store/data-dir-lock.ts'
export { StoreError } from './store/store-error.ts'

export interface CoreOptions {
  dataDir: string
  mode: 'desktop' | 'headless'
  version: string
  /** Time for deliveries and records; tests pass a manual scheduler to run retry schedules fast. */
  scheduler?: Scheduler
  /** The desktop app passes its OS-keychain box; headless mode uses a 0600 key file in the data dir. */
  secretBox?: SecretBox
}

/** Where the host ended up listening; filled in once the servers are up (ports may be 0 → picked). */
export interface Endpoints {
  receiverUrl: string | null
  apiUrl: string | null
}

export interface Core {
  readonly handlers: Handlers
  setEndpoints(endpoints: Endpoints): void
  /** What happened, live: the SSE route and the desktop window subscribe here. */
  readonly events: EventBus
  /** `ANY /hooks/{bin}/{path…}`, for the receiver listener to mount. */
  readonly hooks: ReceiverRoute
  /** `POST /oauth2/token` and `/emulate/{rustici,quicklysign,contensis}/…`, for the receiver listener. */
  readonly receiverRoutes: readonly MountedRoute[]
  /** True for a valid (unexpired) token issued by the mock OAuth2 server. */
  isIssuedToken(token: string): boolean
  /** Finishes queued writes, closes every file and releases the data folder. */
  close(): Promise<void>
}

/**
 * The plain-Node heart of Hookbench. Electron main and `hookbench serve` both open one core and
 * put transports (IPC, HTTP) in front of its handlers. Opening takes the data folder's lock
 * first, so two Hookbench processes never write the same files.
 */
export async function openCore(options: CoreOptions): Promise<Core> {
  const clock = options.scheduler ?? realScheduler
  const startedAt = new Date(clock.now()).toISOString()
  let endpoints: Endpoints = { receiverUrl: null, apiUrl: null }

  const lock = await acquireDataDirLock(options.dataDir)
  const closers: Array<() => Promise<void>> = [() => lock.release()]
  const closeAll = async () => {
    for (const close of closers.splice(0).reverse()) await close()
  }
  try {
    const hadKeyFile = existsSync(join(options.dataDir, KEY_FILE_NAME))
    const secrets = options.secretBox
      ? await withKeyFileFallback(options.secretBox, options.dataDir)
      : await openKeyFileBox(options.dataDir)
    const config = await openConfigStore(options.dataDir, { secretBox: secrets })
    // A wrong secrets.key refuses here, not later as failed deliveries and 500s.
    await checkStoredSecrets(config.read(), secrets, {
      dataDir: options.dataDir,
      configPath: config.path,
      keyFileCreated: !options.secretBox && !hadKeyFile,
    })
    const records = await openRecordStore({
      dataDir: options.dataDir,
      clock,
      schemas: recordSchemas,
      retention: () => config.read().settings.retention,
    })
    closers.push(() => records.close())

    // What happened, for whoever watches live (SSE, the desktop window, notifications).
    const events = createEventBus()

    const index = new MessageIndex(records.logs.messages)
    const pending = await index.load()
    const engine = new DeliveryEngine({
      config,
      secrets,
      events: records.logs.events,
      messages: records.logs.messages,
      attempts: records.logs.attempts,
      scheduler: clock,
      userAgent: `Hookbench/${options.version}`,
      onChange: (change) => {
        if (change.type === 'message.updated') index.update(change.message)
        events.emit(toStreamEvent(change))
      },
    })
    await engine.start(pending)
    // Closed before the records (closers run in reverse): attempts in flight get written.
    closers.push(() => engine.stop())

    // ---- mock OAuth2 server and emulators; before the receiver, whose bins may accept
    // "any token issued by the mock OAuth server" (oauth.isIssuedToken).
    const oauth = openOAuthServer({ config, clock })
    const emulators = await openEmulators({
      config,
      clock,
      events: records.logs.events,
      isIssuedToken: oauth.isIssuedToken,
    })

    // ---- receiver: bins and captured requests
    const receiver = openReceiver({
      config,
      log: records.logs.requests,
      events,
      secrets,
      clock,
      version: options.version,
      receiverUrl: () => endpoints.receiverUrl,
      isIssuedToken: oauth.isIssuedToken,
    })
    // Closed before the records: a forward in flight is abandoned and resumes on the next start.
    closers.push(() => receiver.close())

    // ---- endpoint check runs; they may check Hookbench's own receiver, so they stop before it.
    const checkRuns = new CheckRuns({
      log: records.logs.check_runs,
      secrets,
      events,
      clock,
      userAgent: `Hookbench/${options.version} (check)`,
    })
    await checkRuns.load()
    closers.push(() => checkRuns.close())

    const handlers: Handlers = {
      health: async () => ({
        status: 'ok',
        name: 'hookbench',
        version: options.version,
        mode: options.mode,
        started_at: startedAt,
        receiver_url: endpoints.receiverUrl,
        api_url: endpoints.apiUrl,
        data_dir: options.dataDir,
      }),
      ...catalogHandlers(),
      ...authConfigHandlers(config, clock),
      ...subscriptionHandlers(config, clock),
      ...messageHandlers({
        engine,
        index,
        secrets,
        messages: records.logs.messages,
        attempts: records.logs.attempts,
      }),
      ...workspaceHandlers({
        afterImport: async () => {
          await engine.resume(await index.load())
          await checkRuns.load()
        },
        dataDir: options.dataDir,
        config,
        secrets,
        records,
        clock,
        schemas: recordSchemas,
      }),
      ...receiver.handlers,
      ...oauth.handlers,
      ...emulators.handlers,
      ...checkRunHandlers(checkRuns),
    }
    const receiverRoutes: MountedRoute[] = [
      { prefix: TOKEN_PATH, route: oauth.route },
      ...emulators.routes(inProcessApi(handlers)),
    ]

    return {
      handlers,
      setEndpoints(next) {
        endpoints = next
      },
      events,
      hooks: receiver.hooks,
      receiverRoutes,
      isIssuedToken: oauth.isIssuedToken,
      close: closeAll,
    }
  } catch (error) {
    await closeAll()
    throw error
  }
}
