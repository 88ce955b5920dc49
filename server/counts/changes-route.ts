import type { ServerResponse } from 'node:http'
import { timeCodec } from '../../src/shared/tasks/url-state/filter-codecs.ts'
import { sendJsonError } from '../http/json-error.ts'
import { sendBadRequest, sendJson } from '../http/send-json.ts'
import type { ChangeService, ChangesAnswer } from './change-service.ts'
import { MAX_FILTER_SETS } from './counts-route.ts'
import { parseTaskFilters } from './task-filters.ts'

const MOMENT = timeCodec()

/**
 * `GET /app/changes?set=<filters>&since=<time>&set=…&since=…`: for each
 * filter set (as `/app/counts` takes them) what changed since its moment
 * (ISO 8601, e.g. `2026-12-07T14:02:00Z`): `{changes: [{state: 'known',
 * new, changed, more, asOf} | {state: 'unknown', reason}]}`, in the order
 * given. Every `set` has its `since`; a bad one is a 400 naming it.
 */
export async function answerChanges(
  res: ServerResponse,
  search: URLSearchParams,
  key: string | undefined,
  service: ChangeService,
  companyId?: string,
): Promise<void> {
  const problems: string[] = []
  for (const name of new Set(search.keys())) {
    if (name !== 'set' && name !== 'since') problems.push(`${name} is not a parameter of changes`)
  }
  const sets = search.getAll('set')
  const moments = search.getAll('since')
  if (sets.length === 0) problems.push('set: give at least one filter set with its since')
  if (sets.length > MAX_FILTER_SETS) problems.push(`set: at most ${MAX_FILTER_SETS} filter sets per request`)
  if (moments.length !== sets.length) problems.push('since: give one for every set, in the same order')
  const asked: { filters: URLSearchParams; since: number }[] = []
  sets.slice(0, MAX_FILTER_SETS).forEach((set, index) => {
    const result = parseTaskFilters(new URLSearchParams(set))
    if (!result.ok) problems.push(...result.problems.map((problem) => `set ${index + 1}: ${problem}`))
    const since = MOMENT.parse(moments.slice(index, index + 1), () => {})
    if (since === null && index < moments.length) problems.push(`since ${index + 1}: not a date and time with its zone`)
    if (result.ok && since !== null) asked.push({ filters: result.filters, since })
  })
  if (problems.length > 0) {
    sendBadRequest(res, problems)
    return
  }
  const answers = await Promise.all(asked.map(({ filters, since }) => service.changes(key, filters, since, companyId)))
  const refusal = answers.find((answer) => 'refused' in answer)
  if (refusal) {
    sendJsonError(res, refusal.refused.status, refusal.refused.message)
    return
  }
  sendJson(res, 200, { changes: answers as ChangesAnswer[] })
}
