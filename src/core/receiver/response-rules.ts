import type { ResponseStep, StoredBin } from '../../shared/receiver/bin.ts'

/**
 * Picks each bin's next answer. A sequence is consumed request by request and its last step
 * repeats, so "500, 500, 200" lets a sender's retries be tested deterministically. The position is
 * kept in memory per bin and starts over whenever the bin is saved (or Hookbench restarts): saving
 * a bin is how a user says "run the script again".
 */
export interface ResponsePicker {
  next(bin: StoredBin): ResponseStep
  /** Forgets a deleted bin's position. */
  forget(binId: string): void
}

export function createResponsePicker(): ResponsePicker {
  const cursors = new Map<string, { version: string; index: number }>()
  return {
    next(bin) {
      const rule = bin.response
      if (!('sequence' in rule)) return rule
      const version = `${bin.modified_at} ${JSON.stringify(rule)}`
      let cursor = cursors.get(bin.id)
      if (!cursor || cursor.version !== version) {
        cursor = { version, index: 0 }
        cursors.set(bin.id, cursor)
      }
      const step = rule.sequence[Math.min(cursor.index, rule.sequence.length - 1)] as ResponseStep
      cursor.index++
      return step
    },
    forget(binId) {
      cursors.delete(binId)
    },
  }
}
