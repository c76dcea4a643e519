import { readFile, stat } from 'node:fs/promises'
import { extname, join, resolve, sep } from 'node:path'

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
}

export interface StaticFile {
  body: Buffer
  contentType: string
}

/**
 * Reads a file of the built renderer. Returns null for anything outside `root` (path traversal),
 * for directories and for missing files, so the caller answers 404 the same way for all three.
 */
export async function readStaticFile(root: string, urlPath: string): Promise<StaticFile | null> {
  let relative: string
  try {
    relative = decodeURIComponent(urlPath === '/' ? '/index.html' : urlPath)
  } catch {
    return null
  }
  const base = resolve(root)
  const target = resolve(join(base, relative))
  if (target !== base && !target.startsWith(base + sep)) return null
  try {
    if (!(await stat(target)).isFile()) return null
    const contentType = CONTENT_TYPES[extname(target).toLowerCase()] ?? 'application/octet-stream'
    return { body: await readFile(target), contentType }
  } catch {
    return null
  }
}

/** The web UI gets the API token from the page itself, so nobody copies it by hand. */
export function injectToken(html: string, token: string): string {
  const escaped = token.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
  const meta = `<meta name="hookbench-api-token" content="${escaped}">`
  return html.includes('</head>') ? html.replace('</head>', `  ${meta}\n  </head>`) : `${meta}${html}`
}
