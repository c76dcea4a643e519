/** A request as a curl command line a user can paste into a POSIX shell. */
export function toCurl(request: {
  method: string
  url: string
  headers: Array<[string, string]>
  body: string
}): string {
  const parts = [`curl -X ${request.method} ${quote(request.url)}`]
  for (const [name, value] of request.headers) parts.push(`-H ${quote(`${name}: ${value}`)}`)
  if (request.body !== '') parts.push(`--data-raw ${quote(request.body)}`)
  return parts.join(' \\\n  ')
}

/** POSIX shell single quotes: nothing inside is special except the quote itself. */
export function quote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`
}
