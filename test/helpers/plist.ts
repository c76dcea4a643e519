/** A value of an XML property list, as far as entitlements files use them. */
export type PlistValue = boolean | string | number | PlistValue[] | { [key: string]: PlistValue }

/**
 * A strict parser for XML property lists (Apple's DTD): XML declaration, DOCTYPE, one <plist>
 * root holding one value, well-formed nesting, <key> before every <dict> value, no duplicate keys.
 * Throws on anything else, so "it parses" means macOS's codesign will read it the same way.
 */
export function parsePlist(xml: string): PlistValue {
  const body = xml
    .replace(/^\uFEFF?<\?xml version="1\.0" encoding="UTF-8"\?>\s*/, '')
    .replace(/<!--[\s\S]*?-->/g, '')
    .trim()
  const doctype =
    '<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">'
  if (!xml.startsWith('<?xml')) throw new Error('missing the XML declaration')
  if (!body.startsWith(doctype)) throw new Error('missing the plist DOCTYPE')
  const tokens = body.slice(doctype.length).match(/<[^>]+>|[^<]+/g) ?? []
  let index = 0
  const next = (): string => {
    for (;;) {
      const token = tokens[index++]
      if (token === undefined) throw new Error('unexpected end of the plist')
      if (token.trim() !== '') return token.trim()
    }
  }
  const text = (tag: string): string => {
    const token = tokens[index] ?? ''
    const value = token.startsWith('<') ? '' : token
    if (!token.startsWith('<')) index++
    if (next() !== `</${tag}>`) throw new Error(`<${tag}> is not closed`)
    return value
  }
  const value = (open: string): PlistValue => {
    switch (open) {
      case '<true/>':
        return true
      case '<false/>':
        return false
      case '<string>':
        return text('string')
      case '<integer>': {
        const digits = text('integer')
        if (!/^-?\d+$/.test(digits)) throw new Error(`bad integer ${digits}`)
        return Number(digits)
      }
      case '<array>': {
        const items: PlistValue[] = []
        for (let token = next(); token !== '</array>'; token = next()) items.push(value(token))
        return items
      }
      case '<dict>': {
        const dict: { [key: string]: PlistValue } = {}
        for (let token = next(); token !== '</dict>'; token = next()) {
          if (token !== '<key>') throw new Error(`expected <key>, found ${token}`)
          const key = text('key')
          if (Object.hasOwn(dict, key)) throw new Error(`duplicate key ${key}`)
          dict[key] = value(next())
        }
        return dict
      }
      default:
        throw new Error(`unexpected ${open}`)
    }
  }
  if (next() !== '<plist version="1.0">') throw new Error('the root is not <plist version="1.0">')
  const root = value(next())
  if (next() !== '</plist>') throw new Error('more than one value in <plist>')
  if (tokens.slice(index).some((token) => token.trim() !== '')) throw new Error('content after </plist>')
  return root
}
