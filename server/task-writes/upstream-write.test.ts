import { expect, test } from 'vitest'
import type { TaskChange } from '../../src/shared/tasks/api/task-change.ts'
import { upstreamWrite } from './upstream-write.ts'

const id = '0123456789abcdef01234567'
const seenModifiedAt = 0

test.each<[TaskChange, string, Record<string, unknown>]>([
  [
    { field: 'assignee', from: null, to: 'abcdefabcdefabcdefabcdef', seenModifiedAt },
    'PATCH',
    { assigneeId: 'abcdefabcdefabcdefabcdef' },
  ],
  [{ field: 'assignee', from: 'abcdefabcdefabcdefabcdef', to: null, seenModifiedAt }, 'PATCH', { assigneeId: null }],
  [{ field: 'priority', from: 'low', to: 'urgent', seenModifiedAt }, 'PATCH', { priority: 'urgent' }],
  [
    { field: 'dueDate', from: null, to: Date.UTC(2026, 3, 1, 9, 30), seenModifiedAt },
    'PATCH',
    { dueDate: '2026-04-01T09:30:00.000Z' },
  ],
  [{ field: 'dueDate', from: 1, to: null, seenModifiedAt }, 'PATCH', { dueDate: null }],
  [{ field: 'status', from: 'new', to: 'in_review', seenModifiedAt }, 'PATCH', { taskStatus: 'in_review' }],
  [{ field: 'complete', from: 'open', sendEmail: false, seenModifiedAt }, 'POST', { sendEmail: false }],
  [
    { field: 'complete', from: 'open', sendEmail: true, recipientEmail: 'a@example.com', seenModifiedAt },
    'POST',
    { sendEmail: true, recipientEmail: 'a@example.com' },
  ],
])('%o goes upstream as the smallest body, nothing copied from the task', (change, method, json) => {
  const write = upstreamWrite(id, change)
  expect(write).toEqual({
    method,
    path: change.field === 'complete' ? `/tasks/${id}/complete` : `/tasks/${id}`,
    json,
  })
})
