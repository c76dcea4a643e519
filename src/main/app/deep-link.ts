/**
 * `hookbench://message/{message_id}` links, which the operating system hands us from a browser,
 * a chat message or a terminal: untrusted input. The whole string is matched against one strict
 * pattern (no URL parser, so nothing is decoded, normalised or silently dropped first); anything
 * else is refused.
 */
export const DEEP_LINK_SCHEME = 'hookbench'

export type DeepLink = { kind: 'message'; message_id: string }

/** Longer than any valid link, so a huge argument is refused before the pattern runs. */
const MAX_LENGTH = 100
// Scheme case-insensitive (RFC 3986 §3.1); host and path exactly as we write them; one optional
// trailing slash, which some browsers add. The message_id is a GUID, 8-4-4-4-12 hex digits.
const MESSAGE_LINK =
  /^hookbench:\/\/message\/([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})\/?$/

/** The link's target, or null when the input is not exactly a Hookbench message link. */
export function parseDeepLink(input: unknown): DeepLink | null {
  if (typeof input !== 'string' || input.length > MAX_LENGTH) return null
  const scheme = input.slice(0, DEEP_LINK_SCHEME.length + 1).toLowerCase()
  if (scheme !== `${DEEP_LINK_SCHEME}:`) return null
  const match = MESSAGE_LINK.exec(scheme + input.slice(scheme.length))
  if (!match?.[1]) return null
  // GUIDs compare case-insensitively; the canonical form (and the one Hookbench writes) is lowercase.
  return { kind: 'message', message_id: match[1].toLowerCase() }
}

/**
 * The command-line argument that carries a hookbench: link, if any. On Windows and Linux the OS
 * launches the app (or the second instance) with the link as an argument; Chromium may add
 * switches around it, so look for the argument rather than at a fixed position.
 */
export function deepLinkArgument(argv: readonly string[]): string | null {
  return (
    argv.find((arg) => arg.slice(0, DEEP_LINK_SCHEME.length + 1).toLowerCase() === `${DEEP_LINK_SCHEME}:`) ??
    null
  )
}
