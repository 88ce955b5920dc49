import type { ServerResponse } from 'node:http'
import { sendJsonError } from '../http/json-error.ts'
import { sendBadRequest, sendJson } from '../http/send-json.ts'
import { parseTaskFilters } from '../counts/task-filters.ts'
import { isTimeZone } from './due-dates.ts'
import type { WorkloadService } from './workload-service.ts'

/**
 * `GET /app/workload?<filters of /tasks/>&tz=<IANA zone>`: the active tasks
 * of the filters per assignee. `taskStatus` is not accepted (the workload is
 * of active tasks); `tz` defaults to UTC and decides what "today" and
 * "this week" are.
 */
export async function answerWorkload(
  res: ServerResponse,
  search: URLSearchParams,
  key: string | undefined,
  workloads: WorkloadService,
  /** Whose company the key is of, when known: a change to its tasks makes its figures out of date. */
  companyId?: string,
): Promise<void> {
  const parsed = parseTaskFilters(search, { ignore: ['tz'], forbid: ['taskStatus'] })
  const problems = parsed.ok ? [] : [...parsed.problems]
  const timeZone = search.get('tz')?.trim() || 'UTC'
  if (search.getAll('tz').length > 1) problems.push('tz may be given once')
  else if (timeZone.length > 64 || !isTimeZone(timeZone)) {
    problems.push(`tz must be an IANA time zone such as Europe/Berlin; got ${JSON.stringify(timeZone.slice(0, 64))}`)
  }
  if (!parsed.ok || problems.length > 0) {
    sendBadRequest(res, problems)
    return
  }
  const result = await workloads.workload(key, parsed.filters, timeZone, companyId)
  if ('failed' in result) sendJsonError(res, result.failed.status, result.failed.message)
  else sendJson(res, 200, result.workload)
}
