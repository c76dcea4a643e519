import type { ReactNode } from 'react'

// Strings (with an optional following colon, which makes them keys), literals and numbers. Strings
// are matched first, so digits or `true` inside a string are never coloured on their own.
const TOKEN = /("(?:\\.|[^"\\])*")(\s*:)?|\b(?:true|false|null)\b|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/g

/** Colours pretty-printed JSON with the classes CodeMirror's highlighter uses (ui/base.css); the text content stays exactly `text`. */
export function highlightJson(text: string): ReactNode[] {
  const nodes: ReactNode[] = []
  let last = 0
  for (const match of text.matchAll(TOKEN)) {
    const [token, string, colon] = match
    if (match.index > last) nodes.push(text.slice(last, match.index))
    const at = match.index
    if (string !== undefined) {
      nodes.push(
        <span key={at} className={colon ? 'tok-propertyName' : 'tok-string'}>
          {string}
        </span>,
      )
      if (colon) nodes.push(colon)
    } else {
      nodes.push(
        <span key={at} className={classOfLiteral(token)}>
          {token}
        </span>,
      )
    }
    last = at + token.length
  }
  if (last < text.length) nodes.push(text.slice(last))
  return nodes
}

function classOfLiteral(token: string): string {
  if (token === 'null') return 'tok-null'
  if (token === 'true' || token === 'false') return 'tok-bool'
  return 'tok-number'
}
