import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { render, screen, within } from '@testing-library/react'
import { expect, inject, test, vi } from 'vitest'
import { setApiBase } from '../../../../lib/api-client.ts'
import { en, type Messages } from '../../../../shared/i18n/en.ts'
import { I18nProvider } from '../../../../lib/i18n/i18n.tsx'
import type * as TableModule from '../../../../shared/tasks/url-state/board-filters.ts'
import type { FilterEntry } from '../../../../shared/tasks/url-state/board-filters.ts'
import { toTaskListQuery } from '../../../../shared/tasks/url-state/board-query.ts'
import {
  BOARD_PARAMS,
  formatBoardSearch,
  IGNORED_REASONS,
  parseBoardSearch,
} from '../../../../shared/tasks/url-state/board-search.ts'
import {
  activeFilters,
  CLEAR_FILTERS,
  DEFAULT_BOARD,
  type BoardState,
} from '../../../../shared/tasks/url-state/board-state.ts'
import { toFilterSet } from '../../url-state/figure-filters.ts'
import { inTextOrder, listCodec } from '../../../../shared/tasks/url-state/filter-codecs.ts'
import { formatSearchString } from '../../../../shared/tasks/url-state/search-string.ts'
import { countActiveFilters } from './active-filter-count.ts'
import { FilterBar } from './filter-bar.tsx'
import { filterChips } from './filter-chips.tsx'
import type { FilterOptions } from './use-filter-options.tsx'

// Adding a filter is one entry in the table (and its words): here a made-up "site" menu, between the type and the
// customer filter, that counting may not take. Nothing else is told about it.
vi.mock('../../../../shared/tasks/url-state/board-filters.ts', async (importOriginal) => {
  const real = await importOriginal<typeof TableModule>()
  const { inTextOrder, listCodec } = await import('../../../../shared/tasks/url-state/filter-codecs.ts')
  const site = {
    control: 'menu',
    label: 'site',
    options: 'customers',
    codec: listCodec({ valid: (item) => /^s\d+$/.test(item), reason: 'not-a-site', order: inTextOrder }),
    api: { param: 'customer', to: (sites: readonly string[]) => (sites.length > 0 ? sites : undefined) },
    counted: false,
  }
  const { customer, recurring, changed, ...before } = real.BOARD_FILTERS
  return { ...real, BOARD_FILTERS: { ...before, site, customer, recurring, changed } }
})

/** The board with the made-up filter; its type does not know the entry, the code does. */
type SiteBoard = BoardState & { site: readonly string[] }
const withSites = (sites: string[], board: Partial<BoardState> = {}) =>
  ({ ...DEFAULT_BOARD, ...board, site: sites }) as SiteBoard

const t = { ...en, filters: { ...en.filters, site: 'Site' } } as Messages

test('the URL codec reads, checks, orders and writes the new parameter in the table’s place', () => {
  expect(BOARD_PARAMS).toEqual([
    'tab',
    'q',
    'assignee',
    'priority',
    'type',
    'site',
    'customer',
    'recurring',
    'changed',
    'sort',
    'page',
    'size',
  ])
  expect((DEFAULT_BOARD as SiteBoard).site).toEqual([])
  expect(IGNORED_REASONS).toContain('not-a-site')

  const { board, ignored } = parseBoardSearch(new URLSearchParams('recurring=true&site=s2,bad&site=s1,s2&tab=all'))
  expect((board as SiteBoard).site).toEqual(['s1', 's2'])
  expect(ignored).toEqual([{ name: 'site', value: 'bad', reason: 'not-a-site' }])
  expect(formatSearchString(formatBoardSearch(board))).toBe('tab=all&site=s1,s2&recurring=true')
  expect(formatBoardSearch(DEFAULT_BOARD).toString()).toBe('')
})

test('the mapping sends it, and counting leaves a view that sets it without a figure', () => {
  expect(toTaskListQuery(withSites(['s1']))?.customer).toEqual(['s1'])
  expect(toTaskListQuery(withSites([]))?.customer).toBeUndefined()
  expect(toFilterSet(withSites(['s1']), null)).toBeNull()
  expect(toFilterSet(withSites([], { priority: ['high'] }), null)).toBe(
    'taskStatus=new%2Copen%2Cin_progress%2Cin_review&priority=high',
  )
})

test('it has its chips, counts in the Filters button, and "Clear all" resets it', () => {
  const board = withSites(['s1', 's2'], { priority: ['high'] })
  const options = { site: { options: [{ value: 's1', label: 'North yard' }] }, priority: { options: [] } }
  const chips = filterChips(board, options as unknown as FilterOptions, t, String)
  expect(chips.map((chip) => chip.label)).toEqual(['Priority: high', 'Site: North yard', 'Site: s2'])
  expect(chips[1]?.patch).toEqual({ site: ['s2'] })
  expect(countActiveFilters(board)).toBe(3)
  expect(activeFilters(board)).toEqual(['priority', 'site'])
  expect(CLEAR_FILTERS).toMatchObject({ site: [] })
  expect({ ...board, ...CLEAR_FILTERS }).toEqual(DEFAULT_BOARD)
})

test('the filter bar shows its menu in the table’s place', () => {
  setApiBase(`${inject('appOrigin')}/api`)
  render(
    <I18nProvider initial={{ locale: 'en', t }}>
      <QueryClientProvider client={new QueryClient()}>
        <FilterBar board={withSites(['s1'])} onChange={() => {}} />
      </QueryClientProvider>
    </I18nProvider>,
  )
  const group = within(screen.getByRole('group', { name: 'Filters' }))
  const names = ['Assignee', 'Priority', 'Type', 'Site', 'Customer', 'Recurring']
  expect(group.getAllByRole('combobox')).toEqual(names.map((name) => group.getByRole('combobox', { name })))
  expect(group.getByRole('combobox', { name: 'Site' }).textContent).toContain('Site · 1')
})

test('an entry with a word the catalogues lack, a source the board does not load or no API parameter does not compile', () => {
  const entry = {
    control: 'menu',
    // @ts-expect-error: no such word in the filters' catalogue
    label: 'sites',
    // @ts-expect-error: no such source of options
    options: 'sites',
    codec: listCodec({ valid: () => true, reason: 'not-a-site', order: inTextOrder }),
    // @ts-expect-error: not a parameter of the tasks' request
    api: { param: 'site', to: (sites: readonly string[]) => sites },
    counted: false,
  } satisfies FilterEntry
  expect(entry.control).toBe('menu')
})
