import { useDeferredValue, useMemo, useState, type ReactNode } from 'react'
import { Avatar } from '../../../components/ui/avatar.tsx'
import { MultiSelect, type MultiSelectOption } from '../../../components/ui/multi-select.tsx'
import { useCustomerSearch, useCustomersByIds, useTaskTypes, useUsers } from '../api/use-tasks.ts'
import { PRIORITY_CATALOG, PRIORITY_ORDER } from '../catalog.ts'
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

function useFilterOptions(board: BoardState, customerSearch: string) {
  const users = useUsers()
  const types = useTaskTypes()
  // Customers are searched as the user types; the list is too long to load whole.
  const searchedCustomers = useCustomerSearch(customerSearch, { enabled: customerSearch.trim() !== '' })
  const selectedCustomers = useCustomersByIds(board.customer)

  return useMemo(() => {
    const assignee = withUnknown(
      [
        { value: UNASSIGNED, label: 'Unassigned' },
        { value: ME, label: 'Me' },
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
      PRIORITY_ORDER.map((value) => ({ value, label: PRIORITY_CATALOG[value].label })),
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

/** The filter controls and, below them, one removable chip per active filter value. */
export function FilterBar({
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
  const options = useFilterOptions(board, customerSearch)

  return (
    <>
      <div className="filter-row">
        <div className="filters" role="group" aria-label="Filters">
          <MultiSelect
            label="Assignee"
            options={options.assignee}
            selected={board.assignee}
            onChange={(assignee) => onChange({ assignee })}
            searchable
            loading={options.loading.users}
          />
          <MultiSelect
            label="Priority"
            options={options.priority}
            selected={board.priority}
            onChange={(priority) => onChange({ priority })}
          />
          <MultiSelect
            label="Type"
            options={options.type}
            selected={board.type}
            onChange={(type) => onChange({ type })}
            loading={options.loading.types}
          />
          <MultiSelect
            label="Customer"
            options={options.customer}
            selected={board.customer}
            onChange={(customer) => onChange({ customer })}
            searchable
            onSearch={setCustomerText}
            loading={options.loading.customers}
            emptyText={customerSearch.trim() ? 'No customer matches' : 'Type to search customers'}
          />
          <label className="filters__recurring">
            <span className="visually-hidden">Recurring</span>
            <select
              className="select"
              value={board.recurring === null ? '' : String(board.recurring)}
              onChange={(event) =>
                onChange({ recurring: event.target.value === '' ? null : event.target.value === 'true' })
              }
            >
              <option value="">Recurring: any</option>
              <option value="true">Recurring only</option>
              <option value="false">Not recurring</option>
            </select>
          </label>
        </div>
        {trailing}
      </div>
      <FilterChips board={board} options={options} onChange={onChange} />
    </>
  )
}

interface FilterChip {
  key: string
  label: string
  patch: FilterPatch
}

function filterChips(board: BoardState, options: FilterOptions): FilterChip[] {
  const labelOf = (list: MultiSelectOption[], value: string) =>
    list.find((option) => option.value === value)?.label ?? value
  const chips: FilterChip[] = []
  if (board.q) chips.push({ key: 'q', label: `Search: ${board.q}`, patch: { q: '' } })
  const lists = [
    ['assignee', 'Assignee', options.assignee],
    ['priority', 'Priority', options.priority],
    ['type', 'Type', options.type],
    ['customer', 'Customer', options.customer],
  ] as const
  for (const [name, title, list] of lists) {
    for (const value of board[name]) {
      chips.push({
        key: `${name}:${value}`,
        label: `${title}: ${labelOf(list, value)}`,
        patch: { [name]: board[name].filter((other) => other !== value) },
      })
    }
  }
  if (board.recurring !== null) {
    chips.push({
      key: 'recurring',
      label: board.recurring ? 'Recurring only' : 'Not recurring',
      patch: { recurring: null },
    })
  }
  return chips
}

function FilterChips({
  board,
  options,
  onChange,
}: {
  board: BoardState
  options: FilterOptions
  onChange: (patch: FilterPatch) => void
}) {
  const chips = filterChips(board, options)
  if (chips.length === 0) return null
  return (
    <ul className="chips" aria-label="Active filters">
      {chips.map((chip) => (
        <li key={chip.key} className="chip">
          <span className="chip__label">{chip.label}</span>
          <button
            type="button"
            className="chip__remove"
            aria-label={`Remove ${chip.label}`}
            onClick={() => onChange(chip.patch)}
          >
            ×
          </button>
        </li>
      ))}
      <li>
        <button type="button" className="button button--quiet" onClick={() => onChange(CLEAR_FILTERS)}>
          Clear all
        </button>
      </li>
    </ul>
  )
}
