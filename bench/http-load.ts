// A load generator in a process of its own: `node bench/http-load.ts <url> <path> <connections>
// <duration ms> <body>` POSTs the body over that many keep-alive connections until the time is up
// and prints requests/s. Run apart from the server under test so the two do not share one event
// loop (the server gets a core of its own, as it would with a real sender).
import { Pool } from 'undici'

const [url, path, connectionsArg, durationArg, body] = process.argv.slice(2)
if (!url || !path || !connectionsArg || !durationArg || body === undefined) {
  console.error('usage: http-load.ts <url> <path> <connections> <duration ms> <body>')
  process.exit(2)
}
const connections = Number(connectionsArg)
const pool = new Pool(url, { connections, pipelining: 1 })
let done = 0
const deadline = performance.now() + Number(durationArg)
const started = performance.now()
await Promise.all(
  Array.from({ length: connections }, async () => {
    while (performance.now() < deadline) {
      const response = await pool.request({
        path,
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      })
      await response.body.text()
      if (response.statusCode >= 300) throw new Error(`unexpected ${response.statusCode}`)
      done++
    }
  }),
)
process.stdout.write(`${(done / (performance.now() - started)) * 1000}\n`)
await pool.close()
