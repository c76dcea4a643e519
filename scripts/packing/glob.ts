/**
 * Glob → RegExp with the semantics electron-builder gives its `files` patterns (minimatch with
 * `dot: true`): `*` and `?` stay within a path segment, `**` spans segments, `{a,b}` alternates,
 * and dot files are matched like any other.
 */
export function globToRegExp(glob: string): RegExp {
  return new RegExp(`^(?:${expandBraces(glob).map(translate).join('|')})$`)
}

/** `a{,/b}c` → [`ac`, `a/bc`], innermost-first so nested braces work. */
export function expandBraces(glob: string): string[] {
  const match = /\{([^{}]*)\}/.exec(glob)
  if (!match) return [glob]
  const before = glob.slice(0, match.index)
  const after = glob.slice(match.index + match[0].length)
  return (match[1] ?? '').split(',').flatMap((option) => expandBraces(before + option + after))
}

function translate(glob: string): string {
  const segments = glob.split('/')
  let out = ''
  segments.forEach((segment, index) => {
    const last = index === segments.length - 1
    if (segment === '**') {
      // Zero or more whole segments.
      out += last ? (index === 0 ? '.*' : '(?:/.*)?') : index === 0 ? '(?:.*/)?' : '(?:/.*)?/'
      return
    }
    if (index > 0 && segments[index - 1] !== '**') out += '/'
    out += segment.replace(/[.+^${}()|[\]\\]|\*|\?/g, (char) => {
      if (char === '*') return '[^/]*'
      if (char === '?') return '[^/]'
      return `\\${char}`
    })
  })
  return out
}
