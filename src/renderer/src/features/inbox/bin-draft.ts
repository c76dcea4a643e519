import type { ErrorBody } from '../../../../shared/errors.ts'
import type { Bin, ResponseStep } from '../../../../shared/receiver/bin.ts'
import type { BinPayload } from '../../state/index.ts'
import { byPrefix, placeIssues } from '../../ui/error-issues.ts'

/** One response step as the form edits it: text fields, parsed on save. */
export interface StepDraft {
  status: string
  /** `Name: value` per line. */
  headers: string
  body: string
  delay: string
}

export interface BinDraft {
  name: string
  description: string
  mode: 'single' | 'sequence'
  steps: StepDraft[]
  forwardTo: string
  basic: { on: boolean; username: string; password: string }
  /** `mockOAuth`: accept any token the mock OAuth2 server issued instead of one fixed token. */
  bearer: { on: boolean; token: string; mockOAuth: boolean }
  standardWebhooks: { on: boolean; secret: string }
  enforce: boolean
}

export const emptyStep = (status = '200'): StepDraft => ({ status, headers: '', body: '', delay: '0' })

export function newBinDraft(): BinDraft {
  return {
    name: '',
    description: '',
    mode: 'single',
    steps: [{ ...emptyStep(), body: '{"ok":true}' }],
    forwardTo: '',
    basic: { on: false, username: '', password: '' },
    bearer: { on: false, token: '', mockOAuth: false },
    standardWebhooks: { on: false, secret: '' },
    enforce: false,
  }
}

function stepDraft(step: ResponseStep): StepDraft {
  return {
    status: String(step.status),
    headers: Object.entries(step.headers)
      .map(([name, value]) => `${name}: ${value}`)
      .join('\n'),
    body:
      step.body === undefined ? '' : typeof step.body === 'string' ? step.body : JSON.stringify(step.body),
    delay: String(step.delay_ms),
  }
}

/** The form for an existing bin. Secrets come as `••••`; sent back unchanged they are kept. */
export function draftOf(bin: Bin): BinDraft {
  const sequence = 'sequence' in bin.response ? bin.response.sequence : null
  return {
    name: bin.name,
    description: bin.description,
    mode: sequence ? 'sequence' : 'single',
    steps: (sequence ?? [bin.response as ResponseStep]).map(stepDraft),
    forwardTo: bin.forward_to ?? '',
    basic: {
      on: bin.verify.basic !== undefined,
      username: bin.verify.basic?.username ?? '',
      password: bin.verify.basic?.password ?? '',
    },
    bearer: {
      on: bin.verify.bearer !== undefined,
      token: bin.verify.bearer && 'token' in bin.verify.bearer ? bin.verify.bearer.token : '',
      mockOAuth: bin.verify.bearer !== undefined && 'mock_oauth' in bin.verify.bearer,
    },
    standardWebhooks: {
      on: bin.verify.standard_webhooks !== undefined,
      secret: bin.verify.standard_webhooks?.secret ?? '',
    },
    enforce: bin.verify.enforce,
  }
}

function parseHeaders(text: string): Record<string, string> {
  const headers: Record<string, string> = {}
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue
    const colon = line.indexOf(':')
    // A line without a colon is sent as a name with no value: the server names it if it is invalid.
    if (colon === -1) headers[line.trim()] = ''
    else headers[line.slice(0, colon).trim()] = line.slice(colon + 1).trim()
  }
  return headers
}

function stepPayload(step: StepDraft): Record<string, unknown> {
  return {
    status: Number(step.status),
    headers: parseHeaders(step.headers),
    ...(step.body === '' ? {} : { body: step.body }),
    delay_ms: Number(step.delay || '0'),
  }
}

/** What the API is sent; it validates everything and names the field when something is wrong. */
export function payloadOf(draft: BinDraft): BinPayload {
  const steps = draft.steps.map(stepPayload)
  const verify: Record<string, unknown> = { enforce: draft.enforce }
  if (draft.basic.on) verify.basic = { username: draft.basic.username, password: draft.basic.password }
  if (draft.bearer.on)
    verify.bearer = draft.bearer.mockOAuth ? { mock_oauth: true } : { token: draft.bearer.token }
  if (draft.standardWebhooks.on) verify.standard_webhooks = { secret: draft.standardWebhooks.secret }
  return {
    name: draft.name.trim(),
    description: draft.description,
    response: draft.mode === 'sequence' ? { sequence: steps } : (steps[0] ?? {}),
    verify,
    forward_to: draft.forwardTo.trim() === '' ? null : draft.forwardTo.trim(),
  } as BinPayload
}

/** The API's messages about `field` or anything below it (e.g. `response`, `verify.bearer`). */
export function fieldError(error: ErrorBody | null, field: string): string | null {
  return placeIssues(error, byPrefix([field])).fields[field] ?? null
}

/** What no field of the form shows (a conflict, a server problem, a field it has no box for). */
export function formError(error: ErrorBody | null, fields: readonly string[]): string | null {
  return placeIssues(error, byPrefix(fields)).general
}
