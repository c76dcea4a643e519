import type {
  LocalizedText,
  Subscription,
  SubscriptionProfile,
  TopicFilter,
} from '../../../../shared/domain/subscription.ts'
import { DEFAULT_RETRY_SCHEDULE, DEFAULT_TIMEOUT_MS } from '../../../../shared/retry.ts'
import type { SubscriptionPayload } from '../../state/index.ts'
import type { FieldErrors } from '../../ui/field-errors.ts'
import { parseTemplate } from './preview.ts'

let lastRowId = 0
/** Rows of the form's lists need stable React keys that survive reordering and renames. */
export function nextRowId(): number {
  lastRowId += 1
  return lastRowId
}

export interface LocaleRow {
  id: number
  locale: string
  text: string
}

/** A name or description: plain text, or Contensis's locale → text map. */
export interface LocalizedDraft {
  localized: boolean
  text: string
  rows: LocaleRow[]
}

export interface HeaderRow {
  id: number
  name: string
  value: string
  secret: boolean
  /** A secret saved earlier: its value is write-only, and an empty box keeps it. */
  stored: boolean
}

export interface TemplateRow {
  id: number
  key: string
  text: string
}

/** none: unsigned · generate: a new whsec_ secret · paste: the user's own · keep: the one stored. */
export type SigningMode = 'none' | 'generate' | 'paste' | 'keep'

export interface SubscriptionDraft {
  profile: SubscriptionProfile
  name: LocalizedDraft
  description: LocalizedDraft
  url: string
  enabled: boolean
  topics: TopicFilter[]
  /** A topic typed in the Topics box but not added yet: saving adds it, since the user typed it. */
  topicText: string
  entity_key: string
  tenant_id: string
  headers: HeaderRow[]
  templates: TemplateRow[]
  auth_config_id: string
  signingMode: SigningMode
  signingSecret: string
  retry: string[]
  timeout_ms: string
  concurrency: string
  time_scale: string
  disable_after_hours: string
}

const HOUR_MS = 3_600_000

type Templates = NonNullable<SubscriptionPayload['templates']>

function localizedDraft(text: LocalizedText | undefined): LocalizedDraft {
  if (text === undefined || typeof text === 'string') return { localized: false, text: text ?? '', rows: [] }
  const rows = Object.entries(text).map(([locale, value]) => ({ id: nextRowId(), locale, text: value }))
  return { localized: true, text: '', rows }
}

export function newDraft(): SubscriptionDraft {
  return {
    profile: 'standard',
    name: { localized: false, text: '', rows: [] },
    description: { localized: false, text: '', rows: [] },
    url: '',
    enabled: true,
    topics: [],
    topicText: '',
    entity_key: '',
    tenant_id: '',
    headers: [],
    templates: [],
    auth_config_id: '',
    signingMode: 'none',
    signingSecret: '',
    retry: DEFAULT_RETRY_SCHEDULE.map(String),
    timeout_ms: String(DEFAULT_TIMEOUT_MS),
    concurrency: '4',
    time_scale: '1',
    disable_after_hours: '120',
  }
}

export function draftOf(subscription: Subscription): SubscriptionDraft {
  return {
    profile: subscription.profile,
    name: localizedDraft(subscription.name),
    description: localizedDraft(subscription.description),
    url: subscription.url,
    enabled: subscription.enabled,
    topics: [...subscription.topics],
    topicText: '',
    entity_key: subscription.entity_key ?? '',
    tenant_id: subscription.tenant_id ?? '',
    headers: Object.entries(subscription.headers).map(([name, header]) => ({
      id: nextRowId(),
      name,
      value: header.secret ? '' : (header.value ?? ''),
      secret: header.secret === true,
      stored: header.secret === true,
    })),
    templates: Object.entries(subscription.templates).map(([key, value]) => ({
      id: nextRowId(),
      key,
      text: JSON.stringify(value, null, 2),
    })),
    auth_config_id: subscription.auth_config_id ?? '',
    signingMode: subscription.signing ? 'keep' : 'none',
    signingSecret: '',
    retry: subscription.retry_schedule.map(String),
    timeout_ms: String(subscription.timeout_ms),
    concurrency: String(subscription.concurrency),
    time_scale: String(subscription.time_scale),
    disable_after_hours: String(subscription.disable_after_failing_ms / HOUR_MS),
  }
}

/** The topics with the typed one added (trimmed), unless it is blank or already there. */
export function withTypedTopic(topics: readonly TopicFilter[], text: string): TopicFilter[] {
  const name = text.trim()
  return name === '' || topics.includes(name) ? [...topics] : [...topics, name]
}

/** A number box: empty or not a number is said here, the range is the contract's to judge. */
function numberOf(text: string, path: string, errors: FieldErrors): number {
  const value = Number(text.trim())
  if (text.trim() === '' || Number.isNaN(value)) errors[path] = 'Enter a number.'
  return value
}

function localizedOf(draft: LocalizedDraft, path: string, errors: FieldErrors): LocalizedText {
  if (!draft.localized) return draft.text
  const map: Record<string, string> = {}
  for (const row of draft.rows) {
    const locale = row.locale.trim()
    if (locale === '') errors[`${path}.${row.id}`] = 'Name the locale, e.g. en-GB.'
    else if (Object.hasOwn(map, locale)) errors[path] = `Locale ${locale} appears twice.`
    else map[locale] = row.text
  }
  if (draft.rows.length === 0) errors[path] = 'Add at least one locale, or switch back to plain text.'
  return map
}

function headersOf(rows: readonly HeaderRow[], errors: FieldErrors): SubscriptionPayload['headers'] {
  const headers: NonNullable<SubscriptionPayload['headers']> = {}
  for (const row of rows) {
    const name = row.name.trim()
    if (name === '' && row.value === '' && !row.stored) continue
    if (name === '') {
      errors[`headers.#${row.id}`] = 'Name the header.'
      continue
    }
    if (Object.hasOwn(headers, name)) {
      errors[`headers.${name}`] = `${name} appears twice.`
      continue
    }
    if (row.secret) {
      // An untouched saved secret is sent as {secret: true}: the server keeps the stored value.
      if (row.stored && row.value === '') headers[name] = { secret: true }
      else headers[name] = { value: row.value, secret: true }
    } else {
      if (row.stored && row.value === '')
        errors[`headers.${name}`] = 'Type the value this header should now send.'
      headers[name] = { value: row.value }
    }
  }
  return headers
}

function templatesOf(rows: readonly TemplateRow[], errors: FieldErrors): Templates {
  const templates: Templates = {}
  for (const row of rows) {
    const key = row.key.trim()
    if (key === '' && row.text.trim() === '') continue
    if (key === '') {
      errors[`templates.#${row.id}`] =
        'Name the resource type this template is for, e.g. entry or entry.news.'
      continue
    }
    const parsed = parseTemplate(row.text)
    if (!parsed.ok) errors[`templates.${key}`] = parsed.error
    else templates[key] = parsed.value
  }
  return templates
}

function signingOf(draft: SubscriptionDraft): Pick<SubscriptionPayload, 'signing'> {
  switch (draft.signingMode) {
    case 'none':
      return { signing: null }
    case 'generate':
      return { signing: {} }
    case 'paste':
      return { signing: { secret: draft.signingSecret.trim() } }
    case 'keep':
      return {}
    default: {
      const unreachable: never = draft.signingMode
      return unreachable
    }
  }
}

/**
 * The draft as the contract's input, and what can be said about it before asking the server
 * (boxes that hold no number, template text that is not JSON). Error keys are the contract's
 * paths (`retry_schedule.2`), so local and server errors show in the same place.
 */
export function payloadOf(
  draft: SubscriptionDraft,
  editing: boolean,
): { payload: SubscriptionPayload; errors: FieldErrors } {
  const errors: FieldErrors = {}
  const description = localizedOf(draft.description, 'description', errors)
  const payload: SubscriptionPayload = {
    name: localizedOf(draft.name, 'name', errors),
    // A patch that leaves description out keeps the old one, so an emptied box is sent as "".
    ...(description === '' && !editing ? {} : { description }),
    url: draft.url.trim(),
    enabled: draft.enabled,
    profile: draft.profile,
    topics: withTypedTopic(draft.topics, draft.topicText),
    entity_key: draft.profile === 'quicklysign' ? draft.entity_key.trim() || null : null,
    tenant_id: draft.profile === 'rustici' ? draft.tenant_id.trim() || null : null,
    headers: headersOf(draft.headers, errors),
    templates: draft.profile === 'contensis' ? templatesOf(draft.templates, errors) : {},
    auth_config_id: draft.auth_config_id || null,
    ...signingOf(draft),
    retry_schedule: draft.retry.map((text, index) => numberOf(text, `retry_schedule.${index}`, errors)),
    timeout_ms: numberOf(draft.timeout_ms, 'timeout_ms', errors),
    concurrency: numberOf(draft.concurrency, 'concurrency', errors),
    time_scale: numberOf(draft.time_scale, 'time_scale', errors),
    disable_after_failing_ms: Math.round(
      numberOf(draft.disable_after_hours, 'disable_after_failing_ms', errors) * HOUR_MS,
    ),
  }
  return { payload, errors }
}
