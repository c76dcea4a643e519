// The subscriber for the delivery benchmark, in a process of its own (as a real subscriber is):
// `node bench/http-sink.ts` answers every request 200 once its body is read, and prints its port.
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'

const sink = createServer((req, res) => {
  req.resume()
  req.on('end', () => res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}'))
})
sink.listen(0, '127.0.0.1', () => process.stdout.write(`${(sink.address() as AddressInfo).port}\n`))
process.on('disconnect', () => process.exit(0))
