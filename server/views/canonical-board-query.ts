/**
 * The server's copy of the board's URL rules, for saved views: the board's
 * parameters in the board's fixed order, defaults and `page` left out, lists
 * de-duplicated and sorted, values the board could not use dropped, and
 * parameters the board does not own dropped too (a view is the board's state
 * and nothing else). It must produce what the client's codec
 * (`formatBoardSearch(parseBoardSearch(…))`) produces: the server cannot
 * import `src/`, so the two are kept equal by hand.
 */

const TABS = ['active', 'new', 'open', 'in_progress', 'in_review', 'completed', 'cancelled', 'all']
const SORT_FIELDS = [
  'title',
  'identifierNumber',
  'taskStatus',
  'priority',
  'dueDate',
  'assignee.name',
  'status.createdAt',
  'status.lastModifiedAt',
]
const PRIORITY_ORDER = ['urgent', 'high', 'medium', 'low']
const PAGE_SIZES = ['25', '50', '100', '250', '500', '1000']
const DEFAULTS = { tab: 'active', sort: 'status.createdAt:desc', size: '50' }
const MAX_SEARCH_LENGTH = 200
const MAX_LIST_ITEMS = 100
const OBJECT_ID = /^[0-9a-f]{24}$/i
const PRIORITY_VALUE = /^[\p{L}\p{N}_-]{1,40}$/u
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f]/g

type ListParam = 'assignee' | 'priority' | 'type' | 'customer'
const LIST_RULES: Record<ListParam, (item: string) => boolean> = {
  assignee: (item) => item === 'me' || item === 'unassigned' || OBJECT_ID.test(item),
  priority: (item) => PRIORITY_VALUE.test(item),
  type: (item) => OBJECT_ID.test(item),
  customer: (item) => OBJECT_ID.test(item),
}

/** The client's list orders: `unassigned`, `me`, then ids; priorities by urgency, then others; ids sorted. */
const LIST_ORDER: Record<ListParam, (items: string[]) => string[]> = {
  assignee: (items) => [
    ...['unassigned', 'me'].filter((special) => items.includes(special)),
    ...items.filter((item) => item !== 'unassigned' && item !== 'me').sort(),
  ],
  priority: (items) => [
    ...PRIORITY_ORDER.filter((known) => items.includes(known)),
    ...items.filter((item) => !PRIORITY_ORDER.includes(item)).sort(),
  ],
  type: (items) => items.sort(),
  customer: (items) => items.sort(),
}

/** Canonical query string (no leading `?`) of a board URL's query. Never throws. */
export function formatCanonicalBoardQuery(query: string): string {
  const search = new URLSearchParams(query.startsWith('?') ? query.slice(1) : query)
  const out = new URLSearchParams()
  const first = (name: string) => search.get(name)

  const tab = first('tab')
  if (tab !== null && TABS.includes(tab) && tab !== DEFAULTS.tab) out.set('tab', tab)

  const q = first('q')?.replace(CONTROL_CHARACTERS, ' ').trim()
  if (q && q.length <= MAX_SEARCH_LENGTH) out.set('q', q)

  for (const name of ['assignee', 'priority'] as const) putList(out, search, name)
  for (const name of ['type', 'customer'] as const) putList(out, search, name)

  const recurring = first('recurring')
  if (recurring === 'true' || recurring === 'false') out.set('recurring', recurring)

  const sort = first('sort')
  if (sort !== null && isSort(sort) && sort !== DEFAULTS.sort) out.set('sort', sort)

  const size = first('size')
  if (size !== null && PAGE_SIZES.includes(size) && size !== DEFAULTS.size) out.set('size', size)

  return out.toString()
}

function putList(out: URLSearchParams, search: URLSearchParams, name: ListParam): void {
  const valid = LIST_RULES[name]
  const items = new Set<string>()
  for (const raw of search.getAll(name).flatMap((value) => value.split(','))) {
    const item = raw.trim()
    if (item !== '' && valid(item)) items.add(item)
  }
  const sorted = LIST_ORDER[name]([...items].slice(0, MAX_LIST_ITEMS))
  if (sorted.length > 0) out.set(name, sorted.join(','))
}

function isSort(value: string): boolean {
  const separator = value.lastIndexOf(':')
  return (
    separator > 0 && SORT_FIELDS.includes(value.slice(0, separator)) && /^(asc|desc)$/.test(value.slice(separator + 1))
  )
}
