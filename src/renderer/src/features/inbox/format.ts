// Built once: toLocaleTimeString makes a new Intl formatter per call, per row of the list. h23 says
// what is meant; `hour12: false` gives 24:03:07 just after midnight with older ICU data (Node 20's).
const timeFormat = new Intl.DateTimeFormat(undefined, {
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
})
const dayFormat = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric' })

/** `14:03:07.123` today, `Nov 24 14:03:07` on another day: captures come fast, milliseconds matter. */
export function timeOf(iso: string, now = new Date()): string {
  const date = new Date(iso)
  const time = timeFormat.format(date)
  const ms = String(date.getMilliseconds()).padStart(3, '0')
  const sameDay = date.toDateString() === now.toDateString()
  return sameDay ? `${time}.${ms}` : `${dayFormat.format(date)} ${time}`
}

export function sizeOf(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`
}

/** The body's bytes, whether it is stored as text or as base64. */
export function bytesOf(body: string, encoding: 'utf8' | 'base64'): Uint8Array {
  if (encoding === 'utf8') return new TextEncoder().encode(body)
  const binary = atob(body)
  const bytes = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
  return bytes
}

/** Offset, 16 bytes in hex, and the printable ASCII: what `xxd` shows. */
export function hexDump(bytes: Uint8Array, limit = 64 * 1024): string {
  const lines: string[] = []
  const end = Math.min(bytes.length, limit)
  for (let offset = 0; offset < end; offset += 16) {
    const row = bytes.subarray(offset, Math.min(offset + 16, end))
    const hex = Array.from(row, (byte) => byte.toString(16).padStart(2, '0'))
    const pairs: string[] = []
    for (let i = 0; i < 16; i += 2) pairs.push(`${hex[i] ?? '  '}${hex[i + 1] ?? '  '}`)
    const ascii = Array.from(row, (byte) =>
      byte >= 0x20 && byte < 0x7f ? String.fromCharCode(byte) : '.',
    ).join('')
    lines.push(`${offset.toString(16).padStart(8, '0')}: ${pairs.join(' ')}  ${ascii}`)
  }
  if (bytes.length > end) lines.push(`… ${bytes.length - end} more bytes`)
  return lines.join('\n')
}

export function prettyJson(text: string): string | null {
  if (!/^\s*[[{]/.test(text)) return null
  try {
    return JSON.stringify(JSON.parse(text), null, 2)
  } catch {
    return null
  }
}

/** A curl that captures a webhook: the one command the empty state teaches. */
export function sampleCurl(url: string): string {
  return `curl -X POST '${url}' -H 'content-type: application/json' -d '{"hello":"world"}'`
}
