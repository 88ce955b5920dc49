import type { ServerResponse } from 'node:http'
import { sendJsonError } from '../http/json-error.ts'
import type { CountAnswer, CountService } from './count-service.ts'
import { sendBadRequest, sendJson } from '../http/send-json.ts'
import { parseTaskFilters } from './task-filters.ts'

/** Tabs and saved views of one board; more in one request is not a board asking. */
export const MAX_FILTER_SETS = 40

/**
 * `GET /app/counts?set=<filters>&set=<filters>…`: each `set` is one filter
 * set in the wire format of `/tasks/` (e.g. `taskStatus=open&priority=high`,
 * URL-encoded as one value). Answers `{counts: [...]}`, one per set in the
 * order given. A set with a parameter that is not a `/tasks/` filter, or a
 * bad value, is a 400 naming it; an upstream that refuses the key is that
 * refusal.
 */
export async function answerCounts(
  res: ServerResponse,
  search: URLSearchParams,
  key: string | undefined,
  counts: CountService,
  /** Whose company the key is of, when known: a change to its tasks makes its figures out of date. */
  companyId?: string,
): Promise<void> {
  const problems: string[] = []
  for (const name of new Set(search.keys())) if (name !== 'set') problems.push(`${name} is not a parameter of counts`)
  const sets = search.getAll('set')
  if (sets.length === 0) problems.push('set: give at least one filter set, e.g. set=taskStatus%3Dopen')
  if (sets.length > MAX_FILTER_SETS) problems.push(`set: at most ${MAX_FILTER_SETS} filter sets per request`)
  const filterSets: URLSearchParams[] = []
  sets.slice(0, MAX_FILTER_SETS).forEach((set, index) => {
    const result = parseTaskFilters(new URLSearchParams(set))
    if (result.ok) filterSets.push(result.filters)
    else problems.push(...result.problems.map((problem) => `set ${index + 1}: ${problem}`))
  })
  if (problems.length > 0) {
    sendBadRequest(res, problems)
    return
  }

  const answers = await Promise.all(filterSets.map((filters) => counts.count(key, filters, companyId)))
  const refusal = answers.find((answer) => 'refused' in answer)
  if (refusal) {
    sendJsonError(res, refusal.refused.status, refusal.refused.message)
    return
  }
  sendJson(res, 200, { counts: answers as CountAnswer[] })
}
