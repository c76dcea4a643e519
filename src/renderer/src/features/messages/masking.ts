/** What the server shows for a sealed credential. */
export const MASK = '••••'

/**
 * Headers shown masked until the user reveals them: credentials (the server seals these and
 * answers `••••`) and the Standard Webhooks signature, which the server sends in clear but which
 * is not something to leave on screen or in a screenshot.
 */
const MASKED_HEADERS = new Set(['authorization', 'proxy-authorization', 'webhook-signature', 'cookie'])

export function isMaskedHeader(name: string, value: string): boolean {
  return MASKED_HEADERS.has(name.toLowerCase()) || value === MASK || value.includes(MASK)
}

export function shownValue(name: string, value: string, revealed: boolean): string {
  return !revealed && isMaskedHeader(name, value) ? MASK : value
}
