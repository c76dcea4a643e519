import { REDACTED, type SecretBox, sealedKindOf } from './secret-box.ts'

/**
 * Secrets live in the configuration sealed (`hbk1:…` / `hbos1:…`), so they can be found without a
 * list of which fields are secret: every sealed string is one. These walk any JSON value and
 * return a copy; the input is never changed.
 */
export function redactSecrets<T>(value: T): T {
  return mapSealed(value, () => REDACTED) as T
}

/** For callers that asked to reveal (`?reveal=true`): opens every sealed string. */
export function revealSecrets<T>(value: T, box: SecretBox): T {
  return mapSealed(value, (sealed) => box.open(sealed)) as T
}

export function mapSealed(
  value: unknown,
  replace: (sealed: string, path: string) => unknown,
  path = '',
): unknown {
  if (typeof value === 'string') return sealedKindOf(value) === null ? value : replace(value, path)
  if (Array.isArray(value)) {
    return value.map((item, index) => mapSealed(item, replace, elementPath(path, item, index)))
  }
  if (value !== null && typeof value === 'object') {
    const copy: Record<string, unknown> = {}
    for (const [key, item] of Object.entries(value))
      copy[key] = mapSealed(item, replace, memberPath(path, key))
    return copy
  }
  return value
}

/** Array elements are named by their id where they have one, so paths survive reordering. */
export function elementPath(path: string, item: unknown, index: number): string {
  const id = item !== null && typeof item === 'object' ? (item as { id?: unknown }).id : undefined
  return `${path}[${typeof id === 'string' ? `id=${id}` : index}]`
}

export function memberPath(path: string, key: string): string {
  return path ? `${path}.${key}` : key
}
