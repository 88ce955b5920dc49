import type { MultiSelectOption } from '../../../../components/ui/multi-select.tsx'
import type { Messages } from '../../../../shared/i18n/en.ts'
import { BOARD_FILTERS, type BoardFilter } from '../../../../shared/tasks/url-state/board-filters.ts'
import {
  CLEAR_FILTERS,
  FILTER_KEYS,
  isFilterOf,
  type BoardState,
  type FilterPatch,
} from '../../../../shared/tasks/url-state/board-state.ts'
import type { FilterOptions } from './use-filter-options.tsx'
import { formatDateTime } from '../../../../lib/format.ts'
import { useDateStyle } from '../../../../lib/render-environment.tsx'

interface FilterChip {
  key: string
  label: string
  patch: FilterPatch
}

/**
 * The chips of a view, in the table's order: one per value of a menu, one
 * for a search, a moment or a choice. `formatTime` writes a moment as the
 * board shows times.
 */
export function filterChips(
  board: BoardState,
  options: FilterOptions,
  t: Messages,
  formatTime: (epochMs: number) => string,
): FilterChip[] {
  const labelOf = (list: readonly MultiSelectOption[], value: string) =>
    list.find((option) => option.value === value)?.label ?? value
  return FILTER_KEYS.flatMap((key): FilterChip[] => {
    if (isFilterOf(key, 'menu')) {
      const title = t.filters[BOARD_FILTERS[key].label]
      const values = board[key]
      return values.map((value) => ({
        key: `${key}:${value}`,
        label: t.filters.chip(title, labelOf(options[key].options, value)),
        patch: { [key]: values.filter((other) => other !== value) },
      }))
    }
    const filter: BoardFilter = BOARD_FILTERS[key]
    const value = board[key]
    if (filter.codec.isDefault(value)) return []
    const patch = { [key]: filter.codec.default } as FilterPatch
    if (isFilterOf(key, 'search')) return [{ key, label: t.filters[BOARD_FILTERS[key].chip](board[key]), patch }]
    if (isFilterOf(key, 'time')) {
      const time = board[key]
      return time === null ? [] : [{ key, label: t.filters[BOARD_FILTERS[key].chip](formatTime(time)), patch }]
    }
    const choice = BOARD_FILTERS[key].choices.find((option) => option.value === value)
    return [{ key, label: choice ? t.filters[choice.word] : filter.codec.format(value), patch }]
  })
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
  const style = useDateStyle()
  const chips = filterChips(board, options, t, (time) => formatDateTime(time, style))
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
