import {
  type Api,
  contract,
  type Handlers,
  type OperationName,
  type OperationOutput,
} from '../shared/contract/index.ts'
import { invalidInput } from '../shared/errors.ts'
import { findTooDeep, MAX_JSON_DEPTH, MAX_STORED_JSON_DEPTH, tooDeepError } from '../shared/json-depth.ts'
import { findForbiddenKey, forbiddenKeyError } from '../shared/json-keys.ts'

/**
 * Operations whose input is a document Hookbench wrote (an export): it wraps what was once sent in
 * a few levels of its own, so it gets the room config.json gets.
 */
const DOCUMENT_INPUTS: ReadonlySet<OperationName> = new Set(['importWorkspace'])

/** How deeply the raw input of operation `name` may nest (see src/shared/json-depth.ts). */
export function inputDepthLimit(name: OperationName): number {
  return DOCUMENT_INPUTS.has(name) ? MAX_STORED_JSON_DEPTH : MAX_JSON_DEPTH
}

/**
 * Every transport (IPC, HTTP, in-process) calls an operation the same way: the raw input is
 * parsed with the operation's zod schema — a failure is a `bad_request` naming the field and the
 * handler never runs — and the handler gets the parsed value, defaults filled in. Before zod sees
 * it, the raw input's nesting is measured (without recursion): zod's recursive JSON schemas, and
 * whatever stores the value, would overflow the stack on a deep enough one; and a `__proto__` key
 * anywhere in it is refused, since every copy after this would drop it silently (json-keys.ts).
 */
export function invokeOperation<K extends OperationName>(
  handlers: Handlers,
  name: K,
  raw: unknown,
): Promise<OperationOutput<K>> {
  const tooDeep = findTooDeep(raw, inputDepthLimit(name))
  if (tooDeep) return Promise.reject(tooDeepError(tooDeep, 'The input'))
  const forbiddenKey = findForbiddenKey(raw)
  if (forbiddenKey !== null) return Promise.reject(forbiddenKeyError(forbiddenKey))
  const parsed = contract[name].input.safeParse(raw ?? {})
  if (!parsed.success) return Promise.reject(invalidInput(parsed.error))
  // The schema of operation K accepted the input, so it is ParsedInput<K>; TypeScript cannot
  // correlate `handlers[name]` with `contract[name]` through the generic on its own.
  const handler = handlers[name] as (input: unknown) => Promise<OperationOutput<K>>
  return handler(parsed.data)
}

/** The contract as an in-process client (the same `Api` the renderer gets), for scripts and tests. */
export function inProcessApi(handlers: Handlers): Api {
  return Object.fromEntries(
    (Object.keys(contract) as OperationName[]).map((name) => [
      name,
      (input: unknown) => invokeOperation(handlers, name, input),
    ]),
  ) as Api
}
