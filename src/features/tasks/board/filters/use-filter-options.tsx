import { useDeferredValue, useMemo, useState } from 'react'
import { Avatar } from '../../../../components/ui/avatar.tsx'
import type { MultiSelectOption } from '../../../../components/ui/multi-select.tsx'
import type { Messages } from '../../../../shared/i18n/en.ts'
import { useCustomerSearch, useCustomersByIds, useTaskTypes, useUsers } from '../../api/use-lookups.ts'
import { PRIORITY_ORDER } from '../../../../shared/tasks/catalog.ts'
import {
  BOARD_FILTERS,
  ME,
  UNASSIGNED,
  type FilterKeyOf,
  type OptionSource,
} from '../../../../shared/tasks/url-state/board-filters.ts'
import { FILTER_KEYS, isFilterOf, type BoardState } from '../../../../shared/tasks/url-state/board-state.ts'

/** What one filter menu offers, and how its options arrive. */
export interface MenuOptions {
  options: MultiSelectOption[]
  loading?: boolean
  /** Filter the options by typing; with `onSearch`, the source searches instead. */
  searchable?: boolean
  onSearch?: (text: string) => void
  emptyText?: string
}

export type MenuKey = FilterKeyOf<'menu'>
export type FilterOptions = Record<MenuKey, MenuOptions>

/** The filters shown as menus, in the table's order. */
export const MENU_KEYS = FILTER_KEYS.filter((key): key is MenuKey => isFilterOf(key, 'menu'))

/** Options whose source failed or is loading still show, by id: a filter never blocks the table. */
function withUnknown(options: MultiSelectOption[], selected: readonly string[]): MultiSelectOption[] {
  const known = new Set(options.map((option) => option.value))
  return [...options, ...selected.filter((value) => !known.has(value)).map((value) => ({ value, label: value }))]
}

/** The values a view selects in the menus fed by one source. */
function selectedFrom(board: BoardState, source: OptionSource): string[] {
  return MENU_KEYS.filter((key) => BOARD_FILTERS[key].options === source).flatMap((key) => board[key])
}

/** The choices of each filter menu, by the source its table entry names, labelled in the user's language. */
export function useFilterOptions(board: BoardState, t: Messages): FilterOptions {
  const [customerText, setCustomerText] = useState('')
  const customerSearch = useDeferredValue(customerText)
  const users = useUsers()
  const types = useTaskTypes()
  // Customers are searched as the user types; the list is too long to load whole.
  const searchedCustomers = useCustomerSearch(customerSearch, { enabled: customerSearch.trim() !== '' })
  const selectedCustomers = useCustomersByIds(selectedFrom(board, 'customers'))

  return useMemo(() => {
    const sources: Record<OptionSource, (selected: readonly string[]) => MenuOptions> = {
      users: (selected) => ({
        options: withUnknown(
          [
            { value: UNASSIGNED, label: t.filters.unassigned },
            { value: ME, label: t.filters.me },
            ...(users.data ?? [])
              .map((user) => ({
                value: user.id,
                label: user.name ?? user.id,
                adornment: <Avatar name={user.name ?? '?'} picture={user.picture} size={20} />,
              }))
              .sort((a, b) => a.label.localeCompare(b.label)),
          ],
          selected,
        ),
        searchable: true,
        loading: users.isPending,
      }),
      priorities: (selected) => ({
        options: withUnknown(
          PRIORITY_ORDER.map((value) => ({ value, label: t.priority[value] })),
          selected,
        ),
      }),
      taskTypes: (selected) => ({
        options: withUnknown(
          (types.data ?? []).map((taskType) => ({
            value: taskType._id,
            label: taskType.prefix
              ? `${taskType.name ?? taskType.prefix} (${taskType.prefix})`
              : (taskType.name ?? taskType._id),
            adornment: (
              <span className="swatch" style={{ backgroundColor: taskType.color ?? undefined }} aria-hidden="true" />
            ),
          })),
          selected,
        ),
        loading: types.isPending,
      }),
      customers: (selected) => {
        const customerNames = new Map(
          [...(selectedCustomers.data ?? []), ...(searchedCustomers.data ?? [])].map((customer) => [
            customer._id,
            customer.name ?? customer._id,
          ]),
        )
        return {
          options: withUnknown(
            [
              ...selected.flatMap((id) => {
                const label = customerNames.get(id)
                return label === undefined ? [] : [{ value: id, label }]
              }),
              ...(searchedCustomers.data ?? [])
                .filter((entry) => !selected.includes(entry._id))
                .map((entry) => ({ value: entry._id, label: entry.name ?? entry._id })),
            ],
            selected,
          ),
          searchable: true,
          onSearch: setCustomerText,
          loading: searchedCustomers.isFetching,
          emptyText: customerSearch.trim() ? t.filters.noCustomer : t.filters.typeToSearchCustomers,
        }
      },
    }
    return Object.fromEntries(
      MENU_KEYS.map((key) => [key, sources[BOARD_FILTERS[key].options](board[key])]),
    ) as FilterOptions
  }, [
    t,
    board,
    users.data,
    users.isPending,
    types.data,
    types.isPending,
    searchedCustomers.data,
    searchedCustomers.isFetching,
    selectedCustomers.data,
    customerSearch,
  ])
}
