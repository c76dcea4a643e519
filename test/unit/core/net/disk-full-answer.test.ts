import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { describe, expect, it, vi } from 'vitest'
import { sendError } from '../../../../src/core/net/json-response.ts'
import { DISK_FULL_MESSAGE, toErrorBody } from '../../../../src/shared/errors.ts'

const diskFull = () => Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' })

describe('a write refused for lack of space', () => {
  it('is insufficient_storage, saying nothing was stored and what to do, not an internal error', () => {
    expect(toErrorBody(diskFull())).toEqual({ code: 'insufficient_storage', message: DISK_FULL_MESSAGE })
    expect(toErrorBody(Object.assign(new Error('quota'), { code: 'EDQUOT' })).code).toBe(
      'insufficient_storage',
    )
    expect(toErrorBody(new Error('boom')).code).toBe('internal')
  })

  it('is answered 507 over HTTP (a sender retries; nothing was acknowledged), logged in one line', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {})
    const server = createServer((_req, res) => sendError(res, diskFull()))
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    try {
      const { port } = server.address() as AddressInfo
      const answer = await fetch(`http://127.0.0.1:${port}/hooks/x`, { method: 'POST', body: '{}' })
      expect(answer.status).toBe(507)
      expect(await answer.json()).toEqual({
        error: { code: 'insufficient_storage', message: DISK_FULL_MESSAGE },
      })
      expect(logged).toHaveBeenCalledWith(`[hookbench] ${DISK_FULL_MESSAGE}`)
    } finally {
      logged.mockRestore()
      server.close()
    }
  })
})
