// A load generator in a process of its own: `node bench/http-load.ts <url> <path> <connections>
// <duration ms> <body>` POSTs the body over that many keep-alive connections until the time is up
// and prints requests/s. Run apart from the server under test so the two do not share one event
// loop (the server gets a core of its own, as it would with a real sender).
//
// Like wrk or autocannon, it writes one pre-built request per connection and reads just enough of
// each answer to find its end: an HTTP client library costs the load ~130 µs of CPU per request,
// which on a two-core machine starves the server being measured (the bare node:http server then
// "did" 9,000 req/s instead of ~30,000).
import { connect } from 'node:net'

const [url, path, connectionsArg, durationArg, body] = process.argv.slice(2)
if (!url || !path || !connectionsArg || !durationArg || body === undefined) {
  console.error('usage: http-load.ts <url> <path> <connections> <duration ms> <body>')
  process.exit(2)
}
const { hostname, port } = new URL(url)
const payload = Buffer.from(body)
const request = Buffer.concat([
  Buffer.from(
    `POST ${path} HTTP/1.1\r\nhost: ${hostname}:${port}\r\ncontent-type: application/json\r\n` +
      `content-length: ${payload.length}\r\n\r\n`,
  ),
  payload,
])
const HEAD_END = Buffer.from('\r\n\r\n')
const LAST_CHUNK = Buffer.from('\r\n0\r\n\r\n')

/** Where the first complete response in `received` ends, or -1 while it is incomplete. */
function responseEnd(received: Buffer): number {
  const headEnd = received.indexOf(HEAD_END)
  if (headEnd === -1) return -1
  const head = received.toString('latin1', 0, headEnd)
  const status = Number(head.slice(9, 12))
  if (status >= 300) throw new Error(`unexpected ${head.slice(0, head.indexOf('\r\n'))}`)
  const length = /\r\ncontent-length: *(\d+)/i.exec(head)
  if (length) {
    const end = headEnd + HEAD_END.length + Number(length[1])
    return received.length >= end ? end : -1
  }
  // Chunked: good enough for the small answers measured here (no chunk extensions or trailers).
  const last = received.indexOf(LAST_CHUNK, headEnd)
  return last === -1 ? -1 : last + LAST_CHUNK.length
}

const deadline = performance.now() + Number(durationArg)
let done = 0

function connection(): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname)
    socket.setNoDelay(true)
    let received: Buffer = Buffer.alloc(0)
    const next = () => {
      if (performance.now() < deadline) socket.write(request)
      else socket.end(resolve)
    }
    socket.on('connect', next)
    socket.on('error', reject)
    socket.on('data', (chunk: Buffer) => {
      received = received.length === 0 ? chunk : Buffer.concat([received, chunk])
      try {
        for (let end = responseEnd(received); end !== -1; end = responseEnd(received)) {
          received = received.subarray(end)
          done++
          next()
        }
      } catch (error) {
        socket.destroy()
        reject(error)
      }
    })
  })
}

const started = performance.now()
await Promise.all(Array.from({ length: Number(connectionsArg) }, connection))
process.stdout.write(`${(done / (performance.now() - started)) * 1000}\n`)
