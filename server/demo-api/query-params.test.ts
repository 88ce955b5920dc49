import { expect, test } from 'vitest'
import { readQueryParams } from './query-params.ts'
import { parseSortParam } from './sort-param.ts'

const read = (query: string) => readQueryParams(new URLSearchParams(query))
const ID_A = '0123456789abcdef01234567'
const ID_B = 'fedcba9876543210fedcba98'

test.each([['x=a,b'], ['x=a&x=b'], ['x[]=a&x[]=b'], ['x=a&x[]=b'], ['x=,a,,b,'], ['x=%20a%20,%20b']])(
  'a list reads the same from %s',
  (query) => {
    const params = read(query)
    expect(params.list('x')).toEqual(['a', 'b'])
    expect(params.problems).toEqual([])
  },
)

test('an absent or empty list is no list', () => {
  expect(read('').list('x')).toEqual([])
  expect(read('x=&x[]=,').list('x')).toEqual([])
})

test('integers: default when absent or empty, the last of repeated keys, a problem naming the parameter otherwise', () => {
  const range = { min: 1, max: 1000, fallback: 100 }
  expect(read('').integer('limit', range)).toBe(100)
  expect(read('limit=').integer('limit', range)).toBe(100)
  expect(read('limit=5&limit=7').integer('limit', range)).toBe(7)
  expect(read('limit=1000').integer('limit', range)).toBe(1000)
  for (const bad of ['0', '1001', '1.5', 'ten', '1e3', '0x10']) {
    const params = read(`limit=${bad}`)
    expect(params.integer('limit', range)).toBe(100)
    expect(params.problems).toEqual([`limit must be an integer from 1 to 1000; got "${bad}"`])
  }
  const offset = read('offset=-3')
  offset.integer('offset', { min: 0, fallback: 0 })
  expect(offset.problems).toEqual(['offset must be an integer of 0 or more; got "-3"'])
})

test('ObjectIds are validated and lowercased; tokens pass where allowed', () => {
  expect(read(`ids=${ID_A.toUpperCase()},${ID_B}`).objectIds('ids')).toEqual([ID_A, ID_B])
  const params = read(`userIds=unassigned_jobs,${ID_A},nope`)
  expect(params.objectIdsOr('userIds', ['unassigned_jobs'])).toEqual([])
  expect(params.problems).toHaveLength(1)
  expect(params.problems[0]).toMatch(
    /^userIds must list 24-character hexadecimal ObjectIds \(or "unassigned_jobs"\); got "nope"$/,
  )
  expect(read(`userIds=unassigned_jobs,${ID_A}`).objectIdsOr('userIds', ['unassigned_jobs'])).toEqual([
    'unassigned_jobs',
    ID_A,
  ])
  const token = read('taskType=unassigned_jobs')
  token.objectIds('taskType')
  expect(token.problems[0]).toMatch(/^taskType /)
})

test('one-of lists, integer lists and booleans name the parameter when wrong', () => {
  const params = read('taskStatus=open,later&status=1,x&recurring=yes')
  expect(params.oneOf('taskStatus', ['new', 'open'])).toEqual([])
  expect(params.integers('status')).toEqual([])
  expect(params.boolean('recurring')).toBeUndefined()
  expect(params.problems.map((problem) => problem.split(' ')[0])).toEqual(['taskStatus', 'status', 'recurring'])
  const good = read('taskStatus=open&status=1,2&recurring=false')
  expect(good.oneOf('taskStatus', ['new', 'open'])).toEqual(['open'])
  expect(good.integers('status')).toEqual([1, 2])
  expect(good.boolean('recurring')).toBe(false)
  expect(good.problems).toEqual([])
})

test('text is trimmed, and empty text is none', () => {
  expect(read('q=%20%20REC-1%20').text('q')).toBe('REC-1')
  expect(read('q=%20').text('q')).toBeUndefined()
})

const FIELDS = ['dueDate', 'status.createdAt'] as const

test.each([
  ['dueDate:1', { by: 'dueDate', direction: 1 }],
  ['dueDate:-1', { by: 'dueDate', direction: -1 }],
  ['status.createdAt:-1', { by: 'status.createdAt', direction: -1 }],
  ['{"by":"dueDate","direction":1}', { by: 'dueDate', direction: 1 }],
  ['{"by":"status.createdAt","direction":-1}', { by: 'status.createdAt', direction: -1 }],
  ['{"by":"dueDate","direction":"-1"}', { by: 'dueDate', direction: -1 }],
  [' { "direction": 1, "by": "dueDate" } ', { by: 'dueDate', direction: 1 }],
])('sort %s is read in either form', (raw, expected) => {
  expect(parseSortParam(raw, FIELDS)).toEqual(expected)
})

test.each([
  'dueDate',
  'dueDate:',
  'dueDate:2',
  'dueDate:asc',
  ':1',
  '{"by":"dueDate"}',
  '{"by":"dueDate","direction":"asc"}',
  '{"by":"dueDate","direction":0}',
  '{"by":"dueDate",',
  '["dueDate",1]',
  'colour:1',
  '{"by":"colour","direction":1}',
])('sort %s is a problem naming sort', (raw) => {
  const parsed = parseSortParam(raw, FIELDS)
  expect(parsed).toHaveProperty('problem')
  expect((parsed as { problem: string }).problem).toMatch(/^sort /)
})
