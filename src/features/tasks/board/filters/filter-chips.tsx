import type { MultiSelectOption } from '../../../../components/ui/multi-select.tsx'
import type { Messages } from '../../../../lib/i18n/en.ts'
import { CLEAR_FILTERS, type BoardState, type FilterPatch } from '../../url-state/board-state.ts'
import type { FilterOptions } from './use-filter-options.tsx'

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

/** One removable chip per active filter value, and "Clear all". */
export function FilterChips({
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
