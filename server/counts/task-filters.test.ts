import fc from 'fast-check'
import { expect, test } from 'vitest'
import { BOARD_FILTERS } from '../../src/shared/tasks/url-state/board-filters.ts'
import { parseTaskFilters, TASK_FILTER_PARAMS } from './task-filters.ts'

const ID = '64f0c0ffee0000000000000a'

test.each([
  ['taskStatus=open,new,open', 'taskStatus=new%2Copen'],
  [`userIds=unassigned_jobs,${ID.toUpperCase()}`, `userIds=${ID}%2Cunassigned_jobs`],
  ['priority=urgent&taskStatus=open', 'taskStatus=open&priority=urgent'],
  ['taskByTitleIdentifier=%20REC-1042%20', 'taskByTitleIdentifier=REC-1042'],
  ['taskFromRecurringTemplate=false', 'taskFromRecurringTemplate=false'],
  ['', ''],
])('reads %s as the canonical %s', (input, canonical) => {
  const parsed = parseTaskFilters(new URLSearchParams(input))
  expect(parsed.ok && parsed.filters.toString()).toBe(canonical)
})

test.each([
  ['offset=5', 'offset is not a filter; the server sets it'],
  ['page=2', 'page is not a filter of /tasks/'],
  ['customer=acme', 'customer must be a comma-separated list of 24-character hexadecimal ObjectIds; got "acme"'],
  ['taskFromRecurringTemplate=1', 'taskFromRecurringTemplate must be true or false; got "1"'],
  [
    'taskStatus=Open',
    'taskStatus must be a comma-separated list of task statuses such as open or in_progress; got "Open"',
  ],
  ['status=1&status=2', 'status may be given once; send a list as one comma-separated value'],
])('refuses %s: %s', (input, problem) => {
  expect(parseTaskFilters(new URLSearchParams(input))).toEqual({ ok: false, problems: [problem] })
})

test('a parameter the caller sets itself can be forbidden', () => {
  expect(parseTaskFilters(new URLSearchParams('taskStatus=open'), { forbid: ['taskStatus'] })).toEqual({
    ok: false,
    problems: ['taskStatus is set by the server here'],
  })
  expect(parseTaskFilters(new URLSearchParams('tz=UTC'), { ignore: ['tz'] })).toMatchObject({ ok: true })
})

test('never throws, and what it reads reads back unchanged', () => {
  const name = fc.oneof(fc.constantFrom(...TASK_FILTER_PARAMS, 'limit', 'x'), fc.string({ maxLength: 8 }))
  const value = fc.oneof(fc.string({ maxLength: 40 }), fc.constantFrom(ID, 'open,new', 'true', 'unassigned_jobs'))
  fc.assert(
    fc.property(fc.array(fc.tuple(name, value), { maxLength: 6 }), (pairs) => {
      const parsed = parseTaskFilters(new URLSearchParams(pairs))
      if (!parsed.ok) return
      const again = parseTaskFilters(parsed.filters)
      expect(again.ok && again.filters.toString()).toBe(parsed.filters.toString())
    }),
  )
})

test('allows the parameter of every filter the board counts', () => {
  const counted = Object.values(BOARD_FILTERS).filter((filter) => filter.counted)
  expect(counted.map((filter) => filter.api.param)).toEqual(expect.arrayContaining(['userIds', 'priority']))
  for (const filter of counted) expect(TASK_FILTER_PARAMS).toContain(filter.api.param)
})
