import type { z } from 'zod'
import { checkOperations } from './checks.ts'
import { deliveryOperations, messageOperations } from './delivery.ts'
import { emulatorOperations } from './emulators.ts'
import { oauthOperations } from './oauth.ts'
import { receiverOperations } from './receiver.ts'
import { systemOperations } from './system.ts'
import { workspaceOperations } from './workspace.ts'

export { type Health, HealthSchema } from './system.ts'

/**
 * The one table of operations, assembled from one file per area (docs/architecture.md, "The
 * contract"). Add an operation to an area's table, implement its handler in src/core, and the IPC
 * channel, preload bridge, renderer client and HTTP route follow from it.
 */
export const contract = {
  ...systemOperations,
  ...workspaceOperations,
  ...deliveryOperations,
  ...messageOperations,
  // ---- receiver: bins and captured requests
  ...receiverOperations,
  // ---- mock OAuth2 server and emulator clients
  ...oauthOperations,
  ...emulatorOperations,
  // ---- checking someone's endpoint
  ...checkOperations,
} as const

export type Contract = typeof contract
export type OperationName = keyof Contract
export type OperationInput<K extends OperationName> = z.input<Contract[K]['input']>
export type ParsedInput<K extends OperationName> = z.output<Contract[K]['input']>
export type OperationOutput<K extends OperationName> = z.output<Contract[K]['output']>

/** What the renderer calls and what main implements: one async function per operation. */
export type Api = { [K in OperationName]: (input: OperationInput<K>) => Promise<OperationOutput<K>> }
/** What core implements: handlers receive input already parsed by the transport. */
export type Handlers = { [K in OperationName]: (input: ParsedInput<K>) => Promise<OperationOutput<K>> }

export const operationNames = Object.keys(contract) as OperationName[]

/** Every IPC channel starts with this (bridge.ts: ipcChannel, liveChannel). */
export const IPC_PREFIX = 'hookbench:' as const
