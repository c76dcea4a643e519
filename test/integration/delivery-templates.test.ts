import { afterEach, describe, expect, it } from 'vitest'
import { type Core, openCore } from '../../src/core/index.ts'
import { inProcessApi } from '../../src/core/invoke.ts'
import {
  type Json,
  type SampleEvent,
  samplesFor,
  templateContext,
} from '../../src/renderer/src/features/subscriptions/preview.ts'
import { contensis } from '../../src/shared/catalog/contensis.ts'
import { renderText } from '../../src/shared/templating.ts'
import { eventually, sinksPerTest } from '../helpers/sink.ts'
import { tempDirsPerTest } from '../helpers/temp-dir.ts'

const tempDir = tempDirsPerTest()
const sink = sinksPerTest()
const cores: Core[] = []
afterEach(async () => {
  for (const core of cores.splice(0)) await core.close()
})

async function open() {
  const core = await openCore({ dataDir: tempDir(), mode: 'headless', version: 'test' })
  cores.push(core)
  return inProcessApi(core.handlers)
}

const headers = {
  'X-Event': '{/event/name}',
  'X-Who': '{/user/firstname} {/user/lastname}',
  'X-Entry': 'entry {/resource/sys/id} ({/event/name})',
}

describe('templated headers', () => {
  it('sends each Contensis header template as the subscription editor previews it', async () => {
    const endpoint = await sink()
    const h = await open()
    await h.createSubscription({
      name: 'c',
      url: `${endpoint.url}/c`,
      profile: 'contensis',
      headers: Object.fromEntries(Object.entries(headers).map(([name, value]) => [name, { value }])),
    })
    const sample = samplesFor([contensis], 'contensis').find((s) => s.topic === 'entry.created')
    if (!sample) throw new Error('the catalog has no entry.created example')
    // What a Contensis sender posts: the resource and the user; the event's name is the topic.
    const { event: _event, ...data } = sample.data as { [key: string]: Json }
    const preview: SampleEvent = { ...sample, data }

    await h.sendEvent({ topic: sample.topic, data })
    await eventually(() => endpoint.requests.length === 1, 'the delivery')

    const received = endpoint.requests[0]?.headers ?? {}
    for (const [name, template] of Object.entries(headers)) {
      const shown = renderText(template, templateContext(preview))
      expect(shown, `${name} in the preview`).not.toBe('')
      expect(received[name.toLowerCase()], name).toBe(shown)
    }
  })
})
