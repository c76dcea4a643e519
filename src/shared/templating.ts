/**
 * Contensis-style templates: JSON pointers in braces, `{/resource/sys/id}`, in URLs, header values
 * and payload templates, all rendered against one context (`templateContext`).
 *
 * - A string that is exactly one placeholder renders to the value itself, keeping its JSON type,
 *   so `"contentType": "{/resource/}"` yields the whole resource object.
 * - Placeholders inside longer text are interpolated (objects as JSON).
 * - A trailing slash (`{/resource/}`) means the value at that path, not a key named "".
 * - Contensis also writes `{/resource/sys.id}`: a dotted segment that is not itself a key is read
 *   as a path, `sys` then `id`.
 * - A missing value renders as an empty string, never as "undefined".
 */
const PLACEHOLDER = /\{(\/[^{}]*)\}/g
const EXACT = /^\{(\/[^{}]*)\}$/

/**
 * What every template of an event reads — the subscription's URL, its header values, its payload
 * templates, and the editor's preview of each: the event's data, with `event.name` filled in from
 * the topic when the data does not say it (so `{/event/name}` works for every event). Data that is
 * not an object is found at `/data`.
 */
export function templateContext(topic: string, data: unknown): Record<string, unknown> {
  const base = data !== null && typeof data === 'object' && !Array.isArray(data) ? data : { data }
  const existing = (base as { event?: unknown }).event
  return existing && typeof existing === 'object'
    ? (base as Record<string, unknown>)
    : { ...base, event: { name: topic } }
}

export function resolvePointer(context: unknown, pointer: string): unknown {
  if (pointer === '' || pointer === '/') return context
  const segments = pointer
    .slice(1)
    .split('/')
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'))
  if (segments.at(-1) === '') segments.pop()
  let current: unknown = context
  for (const segment of segments) {
    current = step(current, segment)
    if (current === undefined) return undefined
  }
  return current
}

function step(value: unknown, segment: string): unknown {
  if (value === null || typeof value !== 'object') return undefined
  if (Array.isArray(value)) {
    return /^\d+$/.test(segment) ? value[Number(segment)] : undefined
  }
  const record = value as Record<string, unknown>
  if (Object.hasOwn(record, segment)) return record[segment]
  if (segment.includes('.')) {
    let current: unknown = value
    for (const part of segment.split('.')) {
      current = step(current, part)
      if (current === undefined) return undefined
    }
    return current
  }
  return undefined
}

function asText(value: unknown): string {
  if (value === undefined || value === null) return ''
  if (typeof value === 'string') return value
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  return JSON.stringify(value)
}

/** Renders one template string: interpolated text, or the raw value for an exact placeholder. */
export function renderString(template: string, context: unknown): unknown {
  const exact = EXACT.exec(template)
  if (exact?.[1] !== undefined) {
    const value = resolvePointer(context, exact[1])
    return value === undefined ? '' : value
  }
  return template.replace(PLACEHOLDER, (_match, pointer: string) => asText(resolvePointer(context, pointer)))
}

/** The template with every placeholder replaced by `text`: to check what it renders to has the right shape. */
export function fillPlaceholders(template: string, text: string): string {
  return template.replace(PLACEHOLDER, text)
}

/** Text-only rendering, for URLs and header values. */
export function renderText(template: string, context: unknown): string {
  return asText(renderString(template, context))
}

/** Renders every string in a template structure (objects and arrays keep their shape). */
export function renderTemplate(template: unknown, context: unknown): unknown {
  if (typeof template === 'string') return renderString(template, context)
  if (Array.isArray(template)) return template.map((item) => renderTemplate(item, context))
  if (template !== null && typeof template === 'object') {
    return Object.fromEntries(
      Object.entries(template).map(([key, value]) => [key, renderTemplate(value, context)]),
    )
  }
  return template
}

/** The pointers a template uses, for previews and validation messages. */
export function placeholdersOf(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER)].map((match) => match[1] as string)
}
