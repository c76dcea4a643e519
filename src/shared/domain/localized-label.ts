import type { LocalizedText } from './subscription.ts'

/**
 * A localized name (Contensis subscriptions carry `{"en-GB": "…"}`) as one line of text: English
 * when it has English, else its first language. The UI and the command line label with it.
 */
export function labelOf(name: LocalizedText): string {
  if (typeof name === 'string') return name
  return name['en-GB'] ?? name['en-US'] ?? name.en ?? Object.values(name)[0] ?? ''
}
