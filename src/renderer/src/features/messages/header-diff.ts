export type HeaderList = ReadonlyArray<readonly [string, string]>

export interface HeaderChange {
  name: string
  kind: 'added' | 'removed' | 'changed'
  before: string | null
  after: string | null
}

/** How one request's headers differ from the previous attempt's (names compared case-insensitively). */
export function diffHeaders(previous: HeaderList, current: HeaderList): HeaderChange[] {
  const before = collect(previous)
  const after = collect(current)
  const changes: HeaderChange[] = []
  for (const [key, { name, value }] of after) {
    const old = before.get(key)
    if (!old) changes.push({ name, kind: 'added', before: null, after: value })
    else if (old.value !== value) changes.push({ name, kind: 'changed', before: old.value, after: value })
  }
  for (const [key, { name, value }] of before) {
    if (!after.has(key)) changes.push({ name, kind: 'removed', before: value, after: null })
  }
  return changes
}

/** Repeated headers count as one, their values joined as a client would see them. */
function collect(headers: HeaderList): Map<string, { name: string; value: string }> {
  const map = new Map<string, { name: string; value: string }>()
  for (const [name, value] of headers) {
    const key = name.toLowerCase()
    const seen = map.get(key)
    map.set(key, seen ? { name: seen.name, value: `${seen.value}, ${value}` } : { name, value })
  }
  return map
}
