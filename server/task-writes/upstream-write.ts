import type { TaskChange } from '../../src/shared/tasks/api/task-change.ts'
import type { UpstreamMethod } from '../upstream/upstream-client.ts'

export interface UpstreamWrite {
  method: UpstreamMethod
  path: string
  json: Record<string, unknown>
}

/**
 * The smallest request that makes a change upstream: one field of the
 * vendor's create body (`assigneeId`, not the read shape's `assignee`),
 * never `_id`, `companyId`, `status` or names copied from lists. Completing
 * goes through the vendor's own operation, with the e-mail off unless the
 * dispatcher asked for it.
 */
export function upstreamWrite(taskId: string, change: TaskChange): UpstreamWrite {
  const path = `/tasks/${taskId}`
  switch (change.field) {
    case 'assignee':
      return { method: 'PATCH', path, json: { assigneeId: change.to } }
    case 'priority':
      return { method: 'PATCH', path, json: { priority: change.to } }
    case 'dueDate':
      // The create body documents an ISO date-time; reads mostly give epoch ms.
      return { method: 'PATCH', path, json: { dueDate: change.to === null ? null : new Date(change.to).toISOString() } }
    case 'status':
      return { method: 'PATCH', path, json: { taskStatus: change.to } }
    case 'complete':
      return {
        method: 'POST',
        path: `${path}/complete`,
        json: change.sendEmail
          ? { sendEmail: true, ...(change.recipientEmail ? { recipientEmail: change.recipientEmail } : {}) }
          : { sendEmail: false },
      }
  }
}
