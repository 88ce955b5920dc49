import type { Messages } from '../../i18n/en.ts'
import { UNASSIGNED_USER_ID, type TaskListQuery } from '../api/list-query.ts'
import { PRIORITY_ORDER } from '../catalog.ts'
import { booleanCodec, inTextOrder, listCodec, textCodec, timeCodec, type FilterCodec } from './filter-codecs.ts'

/** Assignee values with a meaning of their own beside user ids. */
export const UNASSIGNED = 'unassigned'
export const ME = 'me'

export const MAX_QUERY_LENGTH = 200

const OBJECT_ID = /^[0-9a-f]{24}$/i
/** Priorities are free strings in the API; this keeps them to what fits in a URL and a request. */
const PRIORITY_VALUE = /^[\p{L}\p{N}_-]{1,40}$/u

type FilterWords = Messages['filters']
/** A word of the filters' catalogue (en/de), by key. */
export type FilterWord = { [K in keyof FilterWords]: FilterWords[K] extends string ? K : never }[keyof FilterWords]
/** A sentence of the filters' catalogue around a text, by key. */
export type FilterTextWord = {
  [K in keyof FilterWords]: FilterWords[K] extends (text: string) => string ? K : never
}[keyof FilterWords]

/** Where a menu's options come from; the board loads each (use-filter-options.tsx). */
export type OptionSource = 'users' | 'priorities' | 'taskTypes' | 'customers'

/** The request parameters a filter may set; `taskStatus` is the tab's, paging and order the board's. */
export type FilterApiParam = Exclude<keyof TaskListQuery, 'limit' | 'offset' | 'sort' | 'taskStatus'>

/**
 * A filter's part of the one board → API mapping: the request parameter it
 * sets and its value there. `undefined` does not narrow; `null` means the
 * view cannot be asked for yet (it names `me` before the user is known).
 */
export type FilterApi<V> = {
  [P in FilterApiParam]: { param: P; to(value: V, selfId: string | null): TaskListQuery[P] | null }
}[FilterApiParam]

interface FilterBase<V> {
  codec: FilterCodec<V>
  api: FilterApi<V>
  /** Whether the app server's counts and workload take it (server/counts/task-filters.ts checks it). */
  counted: boolean
}

/** The search box beside the tabs: always in view, so the folded filter row does not count it. */
interface SearchControl {
  control: 'search'
  chip: FilterTextWord
}

/**
 * A moment set by a link, not by a control of its own: "changed since you
 * looked" puts it in the address; its chip says it and takes it away.
 */
interface TimeControl {
  control: 'time'
  chip: FilterTextWord
}

/** A menu of checkable options. */
interface MenuControl {
  control: 'menu'
  label: FilterWord
  options: OptionSource
}

/** A select of fixed choices beside "any" (the default). */
interface ChoiceControl<V> {
  control: 'choice'
  label: FilterWord
  any: FilterWord
  /** Each choice's word is its chip too. */
  choices: readonly { value: V; word: FilterWord }[]
}

export type ChoiceFilter = FilterBase<unknown> & ChoiceControl<unknown>

/** A table entry: its control fits its value, its words are in the catalogues, its source and parameter exist. */
export type FilterEntry =
  | (FilterBase<string> & SearchControl)
  | (FilterBase<number | null> & TimeControl)
  | (FilterBase<readonly string[]> & MenuControl)
  | ChoiceFilter

/** One filter seen without its value's type: what code treating every filter alike reads. */
export type BoardFilter = FilterBase<unknown> & (SearchControl | TimeControl | MenuControl | ChoiceControl<unknown>)
export type FilterControl = BoardFilter['control']

/**
 * The board's filters: each key is its URL parameter and its field of
 * `BoardState`; the order is the URL's, the filter bar's and the chips'.
 * Adding a filter is one entry here plus its words in the catalogues.
 */
export const BOARD_FILTERS = {
  q: {
    control: 'search',
    chip: 'searchChip',
    codec: textCodec(MAX_QUERY_LENGTH),
    api: { param: 'taskByTitleIdentifier', to: (q) => (q === '' ? undefined : q) },
    counted: true,
  },
  /** User ids, `unassigned` and/or `me`. */
  assignee: {
    control: 'menu',
    label: 'assignee',
    options: 'users',
    codec: listCodec({
      valid: (item) => item === UNASSIGNED || item === ME || OBJECT_ID.test(item),
      reason: 'not-a-user',
      order: sortAssignees,
    }),
    api: {
      param: 'userIds',
      to(assignee, selfId) {
        if (assignee.includes(ME) && selfId === null) return null
        const userIds = assignee.map((value) => {
          if (value === UNASSIGNED) return UNASSIGNED_USER_ID
          return value === ME && selfId !== null ? selfId : value
        })
        return userIds.length > 0 ? userIds : undefined
      },
    },
    counted: true,
  },
  priority: {
    control: 'menu',
    label: 'priority',
    options: 'priorities',
    codec: listCodec({ valid: (item) => PRIORITY_VALUE.test(item), reason: 'not-a-priority', order: sortPriorities }),
    api: { param: 'priority', to: nonEmpty },
    counted: true,
  },
  type: {
    control: 'menu',
    label: 'type',
    options: 'taskTypes',
    codec: listCodec({ valid: (item) => OBJECT_ID.test(item), reason: 'not-a-type', order: inTextOrder }),
    api: { param: 'taskType', to: nonEmpty },
    counted: true,
  },
  customer: {
    control: 'menu',
    label: 'customer',
    options: 'customers',
    codec: listCodec({ valid: (item) => OBJECT_ID.test(item), reason: 'not-a-customer', order: inTextOrder }),
    api: { param: 'customer', to: nonEmpty },
    counted: true,
  },
  recurring: {
    control: 'choice',
    label: 'recurring',
    any: 'recurringAny',
    choices: [
      { value: true, word: 'recurringOnly' },
      { value: false, word: 'notRecurring' },
    ],
    codec: booleanCodec(),
    api: { param: 'taskFromRecurringTemplate', to: (recurring: boolean | null) => recurring ?? undefined },
    counted: true,
  },
  /**
   * Only the tasks changed after this moment (epoch ms). The API cannot
   * filter by it: the list is asked newest change first (the board's sort,
   * see `parseBoardSearch`) and read down to it (`keepChangedSince`). No
   * figure takes it: one would count other tasks.
   */
  changed: {
    control: 'time',
    chip: 'changedChip',
    codec: timeCodec(),
    api: { param: 'changedSince', to: (since: number | null) => since ?? undefined },
    counted: false,
  },
} as const satisfies Record<string, FilterEntry>

function nonEmpty(values: readonly string[]): readonly string[] | undefined {
  return values.length > 0 ? values : undefined
}

/** `unassigned` and `me` first, then user ids: one order for one set. */
function sortAssignees(values: readonly string[]): string[] {
  const unique = [...new Set(values)]
  const special = [UNASSIGNED, ME].filter((value) => unique.includes(value))
  const ids = unique.filter((value) => value !== UNASSIGNED && value !== ME).sort()
  return [...special, ...ids]
}

/** Known priorities in urgency order, then any others alphabetically. */
function sortPriorities(values: readonly string[]): string[] {
  const unique = [...new Set(values)]
  const known = PRIORITY_ORDER.filter((priority) => unique.includes(priority))
  const others = unique.filter((value) => !(PRIORITY_ORDER as readonly string[]).includes(value)).sort()
  return [...known, ...others]
}

type BoardFilters = typeof BOARD_FILTERS
export type FilterKey = keyof BoardFilters
/** The filters' part of `BoardState`: each filter's value, typed by its codec. */
export type FilterValues = {
  -readonly [K in FilterKey]: BoardFilters[K]['codec'] extends FilterCodec<infer V, string> ? V : never
}
/** Why a filter's value may be left out of a view. */
export type FilterReason = {
  [K in FilterKey]: BoardFilters[K]['codec'] extends FilterCodec<unknown, infer R> ? R : never
}[FilterKey]
/** The keys of the filters shown by one kind of control. */
export type FilterKeyOf<C extends FilterControl> = {
  [K in FilterKey]: BoardFilters[K]['control'] extends C ? K : never
}[FilterKey]
/** The request parameters of the filters the app server's figures take. */
export type CountedFilterParam = {
  [K in FilterKey]: BoardFilters[K]['counted'] extends true ? BoardFilters[K]['api']['param'] : never
}[FilterKey]
