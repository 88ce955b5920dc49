import { memo, useDeferredValue, useMemo, useState, type ReactNode } from 'react'
import { Avatar } from '../../../components/ui/avatar.tsx'
import { MultiSelect, type MultiSelectOption } from '../../../components/ui/multi-select.tsx'
import { useCustomerSearch, useCustomersByIds, useTaskTypes, useUsers } from '../api/use-tasks.ts'
import type { Messages } from '../../../lib/i18n/en.ts'
import { useI18n } from '../../../lib/i18n/i18n.tsx'
import { PRIORITY_ORDER } from '../catalog.ts'
import { ME, UNASSIGNED, type BoardState } from '../url-state/board-state.ts'

export type FilterPatch = Partial<Pick<BoardState, 'assignee' | 'priority' | 'type' | 'customer' | 'recurring' | 'q'>>

/** Every filter parameter at its default: what "Clear all" writes. */
export const CLEAR_FILTERS: FilterPatch = { q: '', assignee: [], priority: [], type: [], customer: [], recurring: null }

export function hasFilters(board: BoardState): boolean {
  return (
    board.q !== '' ||
    board.assignee.length > 0 ||
    board.priority.length > 0 ||
    board.type.length > 0 ||
    board.customer.length > 0 ||
    board.recurring !== null
  )
}

/** Options whose source failed or is loading still show, by id: a filter never blocks the table. */
function withUnknown(options: MultiSelectOption[], selected: readonly string[]): MultiSelectOption[] {
  const known = new Set(options.map((option) => option.value))
  return [...options, ...selected.filter((value) => !known.has(value)).map((value) => ({ value, label: value }))]
}

function useFilterOptions(board: BoardState, customerSearch: string, t: Messages) {
  const users = useUsers()
  const types = useTaskTypes()
  // Customers are searched as the user types; the list is too long to load whole.
  const searchedCustomers = useCustomerSearch(customerSearch, { enabled: customerSearch.trim() !== '' })
  const selectedCustomers = useCustomersByIds(board.customer)

  return useMemo(() => {
    const assignee = withUnknown(
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
      board.assignee,
    )
    const priority = withUnknown(
      PRIORITY_ORDER.map((value) => ({ value, label: t.priority[value] })),
      board.priority,
    )
    const type = withUnknown(
      (types.data ?? []).map((taskType) => ({
        value: taskType._id,
        label: taskType.prefix
          ? `${taskType.name ?? taskType.prefix} (${taskType.prefix})`
          : (taskType.name ?? taskType._id),
        adornment: (
          <span className="swatch" style={{ backgroundColor: taskType.color ?? undefined }} aria-hidden="true" />
        ),
      })),
      board.type,
    )
    const customerNames = new Map(
      [...(selectedCustomers.data ?? []), ...(searchedCustomers.data ?? [])].map((customer) => [
        customer._id,
        customer.name ?? customer._id,
      ]),
    )
    const customer = withUnknown(
      [
        ...board.customer.flatMap((id) => {
          const label = customerNames.get(id)
          return label === undefined ? [] : [{ value: id, label }]
        }),
        ...(searchedCustomers.data ?? [])
          .filter((entry) => !board.customer.includes(entry._id))
          .map((entry) => ({ value: entry._id, label: entry.name ?? entry._id })),
      ],
      board.customer,
    )
    return {
      assignee,
      priority,
      type,
      customer,
      loading: { users: users.isPending, types: types.isPending, customers: searchedCustomers.isFetching },
    }
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
  ])
}
type FilterOptions = ReturnType<typeof useFilterOptions>

/** The filter values of a view, as one comparable string. */
function filterKey(board: BoardState): string {
  return JSON.stringify([board.q, board.assignee, board.priority, board.type, board.customer, board.recurring])
}

/**
 * The filter controls and, below them, one removable chip per active filter
 * value. Re-renders only when a filter changes, not on paging or sorting: its
 * menus are the costliest part of the board to render.
 */
export const FilterBar = memo(
  FilterBarContent,
  (before, after) =>
    before.onChange === after.onChange &&
    before.trailing === after.trailing &&
    filterKey(before.board) === filterKey(after.board),
)

function FilterBarContent({
  board,
  onChange,
  trailing,
}: {
  board: BoardState
  onChange: (patch: FilterPatch) => void
  /** Shown at the end of the filter row, outside the filter group (e.g. the column menu). */
  trailing?: ReactNode
}) {
  const [customerText, setCustomerText] = useState('')
  const customerSearch = useDeferredValue(customerText)
  const { t } = useI18n()
  const options = useFilterOptions(board, customerSearch, t)

  return (
    <>
      <div className="filter-row">
        <div className="filters" role="group" aria-label={t.filters.group}>
          <MultiSelect
            label={t.filters.assignee}
            options={options.assignee}
            selected={board.assignee}
            onChange={(assignee) => onChange({ assignee })}
            searchable
            loading={options.loading.users}
          />
          <MultiSelect
            label={t.filters.priority}
            options={options.priority}
            selected={board.priority}
            onChange={(priority) => onChange({ priority })}
          />
          <MultiSelect
            label={t.filters.type}
            options={options.type}
            selected={board.type}
            onChange={(type) => onChange({ type })}
            loading={options.loading.types}
          />
          <MultiSelect
            label={t.filters.customer}
            options={options.customer}
            selected={board.customer}
            onChange={(customer) => onChange({ customer })}
            searchable
            onSearch={setCustomerText}
            loading={options.loading.customers}
            emptyText={customerSearch.trim() ? t.filters.noCustomer : t.filters.typeToSearchCustomers}
          />
          <label className="filters__recurring">
            <span className="visually-hidden">{t.filters.recurring}</span>
            <select
              className="select"
              value={board.recurring === null ? '' : String(board.recurring)}
              onChange={(event) =>
                onChange({ recurring: event.target.value === '' ? null : event.target.value === 'true' })
              }
            >
              <option value="">{t.filters.recurringAny}</option>
              <option value="true">{t.filters.recurringOnly}</option>
              <option value="false">{t.filters.notRecurring}</option>
            </select>
          </label>
        </div>
        {trailing}
      </div>
      <FilterChips board={board} options={options} onChange={onChange} t={t} />
    </>
  )
}

interface FilterChip {
  key: string
  label: string
  patch: FilterPatch
}

function filterChips(board: BoardState, options: FilterOptions, t: Messages): FilterChip[] {
  const labelOf = (list: MultiSelectOption[], value: string) =>
    list.find((option) => option.value === value)?.label ?? value
  const chips: FilterChip[] = []
  if (board.q) chips.push({ key: 'q', label: t.filters.searchChip(board.q), patch: { q: '' } })
  const lists = [
    ['assignee', t.filters.assignee, options.assignee],
    ['priority', t.filters.priority, options.priority],
    ['type', t.filters.type, options.type],
    ['customer', t.filters.customer, options.customer],
  ] as const
  for (const [name, title, list] of lists) {
    for (const value of board[name]) {
      chips.push({
        key: `${name}:${value}`,
        label: t.filters.chip(title, labelOf(list, value)),
        patch: { [name]: board[name].filter((other) => other !== value) },
      })
    }
  }
  if (board.recurring !== null) {
    chips.push({
      key: 'recurring',
      label: board.recurring ? t.filters.recurringOnly : t.filters.notRecurring,
      patch: { recurring: null },
    })
  }
  return chips
}

function FilterChips({
  board,
  options,
  onChange,
  t,
}: {
  board: BoardState
  options: FilterOptions
  onChange: (patch: FilterPatch) => void
  t: Messages
}) {
  const chips = filterChips(board, options, t)
  if (chips.length === 0) return null
  return (
    <ul className="chips" aria-label={t.filters.active}>
      {chips.map((chip) => (
        <li key={chip.key} className="chip">
          <span className="chip__label">{chip.label}</span>
          <button
            type="button"
            className="chip__remove"
            aria-label={t.filters.remove(chip.label)}
            onClick={() => onChange(chip.patch)}
          >
            ×
          </button>
        </li>
      ))}
      <li>
        <button type="button" className="button button--quiet" onClick={() => onChange(CLEAR_FILTERS)}>
          {t.filters.clearAll}
        </button>
      </li>
    </ul>
  )
}
