export interface SeedOptions {
  /** When the first message was made (ms); one a second after it. Default 2026-11-24. */
  start?: number
  /** Fields of message `n` that differ from the default pattern. */
  shape?: (n: number) => Record<string, unknown>
}

/**
 * Seeds `count` messages through the workspace import API (the fastest honest way in), one a
 * second: every 10th exhausted with a 500, the rest delivered; every 3rd is user.created, the
 * others user.updated — unless `shape` says otherwise. Used by the Messages e2e tests and the UI
 * benchmark.
 */
export async function seedMessages(
  target: { api: string; token: string },
  count: number,
  options: SeedOptions = {},
): Promise<void> {
  const created = options.start ?? Date.parse('2026-11-24T00:00:00.000Z')
  const messages = Array.from({ length: count }, (_, n) => {
    const at = new Date(created + n * 1000).toISOString()
    const id = `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`
    const exhausted = n % 10 === 0
    return {
      id,
      at: created + n * 1000,
      value: {
        message_id: id,
        event_id: `e-${n}`,
        subscription_id: 's-1',
        profile: 'standard',
        topic: n % 3 === 0 ? 'user.created' : 'user.updated',
        url: 'http://127.0.0.1:9/hook',
        url_override: null,
        body: '{}',
        status: exhausted ? 'exhausted' : 'delivered',
        status_reason: null,
        attempt_ids: [],
        cycle_offset: 0,
        next_attempt_at: null,
        last_status_code: exhausted ? 500 : 200,
        last_latency_ms: 12,
        created_at: at,
        updated_at: at,
        replay_of: null,
        ...options.shape?.(n),
      },
    }
  })
  const response = await fetch(`${target.api}/api/import`, {
    method: 'POST',
    headers: { authorization: `Bearer ${target.token}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      format: 'hookbench-workspace',
      version: 1,
      exported_at: new Date().toISOString(),
      includes: { history: true, secrets: false },
      config: { schema_version: 1 },
      history: { messages },
    }),
  })
  if (!response.ok) throw new Error(`import failed: ${response.status} ${await response.text()}`)
}
