import type { AttemptRecord, MessageRecord, StoredAttempt } from '../../shared/domain/message.ts'

/** What the attempts log keeps: the attempt without its request body (the message has it). */
export function toStoredAttempt(attempt: AttemptRecord): StoredAttempt {
  const { body: _body, ...request } = attempt.request
  return { ...attempt, request }
}

/** The attempt as sent: its request body is its message's, unless an older record kept its own. */
export function fromStoredAttempt(
  stored: StoredAttempt,
  message: Pick<MessageRecord, 'body'>,
): AttemptRecord {
  return { ...stored, request: { ...stored.request, body: stored.request.body ?? message.body } }
}
