import { useMemo } from 'react'
import { Avatar } from '../../../../components/ui/avatar.tsx'
import type { MultiSelectOption } from '../../../../components/ui/multi-select.tsx'
import type { Messages } from '../../../../lib/i18n/en.ts'
import { useCustomerSearch, useCustomersByIds, useTaskTypes, useUsers } from '../../api/use-lookups.ts'
import { PRIORITY_ORDER } from '../../catalog.ts'
import { ME, UNASSIGNED, type BoardState } from '../../url-state/board-state.ts'

/** Options whose source failed or is loading still show, by id: a filter never blocks the table. */
function withUnknown(options: MultiSelectOption[], selected: readonly string[]): MultiSelectOption[] {
  const known = new Set(options.map((option) => option.value))
  return [...options, ...selected.filter((value) => !known.has(value)).map((value) => ({ value, label: value }))]
}

/** The choices of each filter menu, labelled in the user's language. */
export function useFilterOptions(board: BoardState, customerSearch: string, t: Messages) {
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
export type FilterOptions = ReturnType<typeof useFilterOptions>
