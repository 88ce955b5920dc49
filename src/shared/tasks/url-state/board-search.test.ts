import fc from 'fast-check'
import { expect, test } from 'vitest'
import { TASK_SORT_FIELDS } from '../api/list-query.ts'
import { MAX_QUERY_LENGTH } from './board-filters.ts'
import { formatBoardSearch, parseBoardSearch } from './board-search.ts'
import { DEFAULT_BOARD, PAGE_SIZES, TABS, type BoardState } from './board-state.ts'
import { formatSearchString } from './search-string.ts'

const USER_A = 'aaaaaaaaaaaaaaaaaaaaaaaa'
const USER_B = 'bbbbbbbbbbbbbbbbbbbbbbbb'
const TYPE_A = '0123456789abcdef01234567'

const parse = (search: string) => parseBoardSearch(new URLSearchParams(search))
const roundTrip = (search: string) =>
  formatSearchString(formatBoardSearch(parse(search).board, new URLSearchParams(search)))

test('an empty query string is the default view', () => {
  expect(parse('')).toEqual({ board: DEFAULT_BOARD, ignored: [] })
  expect(formatBoardSearch(DEFAULT_BOARD).toString()).toBe('')
})

test('reads every parameter', () => {
  const { board, ignored } = parse(
    `tab=in_progress&q=Heizung&assignee=me,unassigned,${USER_A}&priority=high,urgent&type=${TYPE_A}` +
      `&customer=${USER_B}&recurring=true&sort=dueDate:asc&page=3&size=100`,
  )
  expect(ignored).toEqual([])
  expect(board).toEqual<BoardState>({
    tab: 'in_progress',
    q: 'Heizung',
    assignee: ['unassigned', 'me', USER_A],
    priority: ['urgent', 'high'],
    type: [TYPE_A],
    customer: [USER_B],
    recurring: true,
    changed: null,
    sort: { field: 'dueDate', direction: 1 },
    page: 3,
    size: 100,
  })
})

test('writes parameters in a fixed order with defaults left out', () => {
  expect(roundTrip(`size=25&page=2&tab=all&sort=title:desc`)).toBe('tab=all&sort=title:desc&page=2&size=25')
  expect(roundTrip('tab=active&page=1&size=50&sort=status.createdAt:desc')).toBe('')
})

test('merges repeated list keys and removes repeated values', () => {
  expect(parse(`assignee=${USER_B}&assignee=${USER_A},${USER_B}`).board.assignee).toEqual([USER_A, USER_B])
  expect(roundTrip('priority=low&priority=urgent,low')).toBe('priority=urgent,low')
})

test('keeps parameters the board does not own, in their order', () => {
  expect(roundTrip('utm_source=mail&tab=new&x=1&x=2')).toBe('tab=new&utm_source=mail&x=1&x=2')
})

test.each([
  ['tab=someday', 'tab'],
  ['size=7', 'size'],
  ['page=0', 'page'],
  ['page=abc', 'page'],
  ['page=-2', 'page'],
  ['page=1.5', 'page'],
  ['sort=colour:asc', 'sort'],
  ['sort=title:up', 'sort'],
  ['sort=title', 'sort'],
  ['recurring=maybe', 'recurring'],
  [`q=${'x'.repeat(MAX_QUERY_LENGTH + 1)}`, 'q'],
  ['assignee=bob', 'assignee'],
  ['type=123', 'type'],
  ['customer=zzzzzzzzzzzzzzzzzzzzzzzz', 'customer'],
  ['priority=%3Cscript%3E', 'priority'],
])('drops %s and reports it', (search, name) => {
  const { board, ignored } = parse(search)
  expect(ignored.map((entry) => entry.name)).toEqual([name])
  expect(board).toEqual(DEFAULT_BOARD)
})

test('keeps the valid part of a partly valid list', () => {
  const { board, ignored } = parse(`assignee=${USER_A},bob,me`)
  expect(board.assignee).toEqual(['me', USER_A])
  expect(ignored).toEqual([{ name: 'assignee', value: 'bob', reason: 'not-a-user' }])
})

test('takes the first of a repeated single-valued parameter', () => {
  const { board, ignored } = parse('tab=new&tab=open')
  expect(board.tab).toBe('new')
  expect(ignored).toEqual([{ name: 'tab', value: 'open', reason: 'repeated' }])
})

test('trims the search text and turns control characters into spaces', () => {
  expect(parse('q=%20%20REC-1042%20').board.q).toBe('REC-1042')
  expect(parse('q=a%00b').board.q).toBe('a b')
})

test('an explicit link writes every parameter, defaults included', () => {
  expect(formatSearchString(formatBoardSearch(DEFAULT_BOARD, undefined, { explicit: true }))).toBe(
    'tab=active&q=&assignee=&priority=&type=&customer=&recurring=&changed=&sort=status.createdAt:desc&page=1&size=50',
  )
  const explicit = formatBoardSearch({ ...DEFAULT_BOARD, tab: 'new' }, undefined, { explicit: true })
  expect(parse(explicit.toString()).board).toEqual({ ...DEFAULT_BOARD, tab: 'new' })
})

const objectId = fc.stringMatching(/^[0-9a-f]{24}$/)
const boardArbitrary: fc.Arbitrary<BoardState> = fc.record({
  tab: fc.constantFrom(...TABS),
  q: fc
    .string({ maxLength: MAX_QUERY_LENGTH, unit: 'grapheme' })
    // The parser turns control characters into spaces; generate what it would keep.
    // eslint-disable-next-line no-control-regex
    .map((text) => text.replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ').trim()),
  assignee: fc.uniqueArray(fc.oneof(fc.constantFrom('me', 'unassigned'), objectId), { maxLength: 5 }),
  priority: fc.uniqueArray(fc.constantFrom('urgent', 'high', 'medium', 'low', 'critical', 'P1'), { maxLength: 4 }),
  type: fc.uniqueArray(objectId, { maxLength: 4 }),
  customer: fc.uniqueArray(objectId, { maxLength: 4 }),
  recurring: fc.constantFrom(null, true, false),
  changed: fc.option(fc.integer({ min: Date.UTC(2000, 0), max: Date.UTC(2100, 0) }), { freq: 4 }),
  sort: fc.record({
    field: fc.constantFrom(...TASK_SORT_FIELDS),
    direction: fc.constantFrom(1 as const, -1 as const),
  }),
  page: fc.integer({ min: 1, max: 100_000 }),
  size: fc.constantFrom(...PAGE_SIZES),
})

test('property: state → URL → state gives the same view', () => {
  fc.assert(
    fc.property(boardArbitrary, (board) => {
      const { board: parsed, ignored } = parseBoardSearch(formatBoardSearch(board))
      expect(ignored).toEqual([])
      expect(formatBoardSearch(parsed).toString()).toBe(formatBoardSearch(board).toString())
      expect(new Set(parsed.assignee)).toEqual(new Set(board.assignee))
      expect({ ...parsed, assignee: [], priority: [], type: [], customer: [] }).toEqual({
        ...board,
        assignee: [],
        priority: [],
        type: [],
        customer: [],
      })
    }),
    { numRuns: 500 },
  )
})

const anyQueryString = fc.oneof(
  fc.string({ maxLength: 400 }),
  fc
    .array(
      fc.tuple(
        fc.oneof(
          fc.constantFrom('tab', 'q', 'assignee', 'priority', 'type', 'customer', 'recurring', 'sort', 'page', 'size'),
          fc.string(),
        ),
        fc.oneof(
          fc.string({ maxLength: 300 }),
          fc.string({ unit: 'binary', maxLength: 50 }),
          fc.constantFrom('%00', '<script>alert(1)</script>', '', '%', '%E0%A4%A'),
        ),
      ),
      { maxLength: 12 },
    )
    .map((pairs) => pairs.map(([key, value]) => `${encodeURIComponent(key)}=${value}`).join('&')),
)

test('property: any query string parses to a valid view without throwing, and its URL is a fixed point', () => {
  fc.assert(
    fc.property(anyQueryString, (search) => {
      const params = new URLSearchParams(search)
      const { board } = parseBoardSearch(params)
      expect(TABS).toContain(board.tab)
      expect(PAGE_SIZES).toContain(board.size)
      expect(board.page).toBeGreaterThanOrEqual(1)
      expect(board.q.length).toBeLessThanOrEqual(MAX_QUERY_LENGTH)
      const canonical = formatBoardSearch(board, params)
      const again = parseBoardSearch(canonical)
      expect(again.ignored).toEqual([])
      expect(formatBoardSearch(again.board, canonical).toString()).toBe(canonical.toString())
    }),
    { numRuns: 2000 },
  )
})

test('property: the readable query string of a view reads back as the same view, and is its own canonical form', () => {
  fc.assert(
    fc.property(boardArbitrary, (board) => {
      const readable = formatSearchString(formatBoardSearch(board))
      const { board: parsed, ignored } = parseBoardSearch(new URLSearchParams(readable))
      expect(ignored).toEqual([])
      expect(formatSearchString(formatBoardSearch(parsed))).toBe(readable)
      expect(parsed.q).toBe(board.q)
    }),
    { numRuns: 500 },
  )
})

test('a readable link and its escaped twin are one view', () => {
  const readable = parse('tab=all&priority=urgent,high&sort=dueDate:asc')
  const escaped = parse('tab=all&priority=urgent%2Chigh&sort=dueDate%3Aasc')
  expect(readable.board).toEqual(escaped.board)
  expect(formatSearchString(formatBoardSearch(escaped.board))).toBe('tab=all&priority=urgent,high&sort=dueDate:asc')
})

test('changes since a moment: read from ISO time, written in UTC; the view keeps its own sort', () => {
  const { board, ignored } = parse('changed=2026-12-07T15:02%2B01:00&sort=dueDate:asc')
  expect(ignored).toEqual([])
  expect(board.changed).toBe(Date.UTC(2026, 11, 7, 14, 2))
  expect(board.sort).toEqual({ field: 'dueDate', direction: 1 })
  expect(formatSearchString(formatBoardSearch(board))).toBe('changed=2026-12-07T14:02:00.000Z&sort=dueDate:asc')
  for (const bad of ['yesterday', '2026-12-07', '2026-12-07T14:02', '2026-13-40T99:99Z', '1733580000000']) {
    expect(parse(`changed=${bad}`)).toEqual({
      board: DEFAULT_BOARD,
      ignored: [{ name: 'changed', value: bad, reason: 'not-a-time' }],
    })
  }
})
