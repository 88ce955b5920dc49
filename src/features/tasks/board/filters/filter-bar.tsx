import { memo, type ReactNode } from 'react'
import { MultiSelect } from '../../../../components/ui/multi-select.tsx'
import { useI18n } from '../../../../lib/i18n/i18n.tsx'
import { BOARD_FILTERS, type ChoiceFilter, type FilterKeyOf } from '../../../../shared/tasks/url-state/board-filters.ts'
import {
  FILTER_KEYS,
  filterKey,
  isFilterOf,
  type BoardState,
  type FilterPatch,
} from '../../../../shared/tasks/url-state/board-state.ts'
import { FilterChips } from './filter-chips.tsx'
import { useFilterOptions } from './use-filter-options.tsx'

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
    before.collapsed === after.collapsed &&
    filterKey(before.board) === filterKey(after.board),
)

function FilterBarContent({
  board,
  onChange,
  trailing,
  rowId,
  collapsed = false,
}: {
  board: BoardState
  onChange: (patch: FilterPatch) => void
  /** Shown at the end of the filter row, outside the filter group (e.g. the column menu). */
  trailing?: ReactNode
  /** The id of the filter controls, for a button that shows and hides them. */
  rowId?: string
  /** The filter controls are folded away (the chips of active filters still show). */
  collapsed?: boolean
}) {
  const { t } = useI18n()
  const options = useFilterOptions(board, t)

  return (
    <>
      <div className="filter-row">
        <div className="filters" role="group" aria-label={t.filters.group} id={rowId} hidden={collapsed}>
          {FILTER_KEYS.map((key) => {
            if (isFilterOf(key, 'menu')) {
              return (
                <MultiSelect
                  key={key}
                  label={t.filters[BOARD_FILTERS[key].label]}
                  {...options[key]}
                  selected={board[key]}
                  onChange={(values) => onChange({ [key]: values })}
                />
              )
            }
            if (isFilterOf(key, 'choice')) {
              return <ChoiceSelect key={key} name={key} board={board} onChange={onChange} />
            }
            // The search box sits beside the tabs, in view while the filters are folded away.
            return null
          })}
        </div>
        {/* On the controls' line: active filters cost no line of their own. */}
        <FilterChips board={board} options={options} onChange={onChange} t={t} />
        {trailing}
      </div>
    </>
  )
}

/** A filter of fixed choices; "any" is its default. Each option's value is the choice's text in the URL. */
function ChoiceSelect({
  name,
  board,
  onChange,
}: {
  name: FilterKeyOf<'choice'>
  board: BoardState
  onChange: (patch: FilterPatch) => void
}) {
  const { t } = useI18n()
  const filter: ChoiceFilter = BOARD_FILTERS[name]
  const { codec } = filter
  return (
    <label className="filters__choice">
      <span className="visually-hidden">{t.filters[filter.label]}</span>
      <select
        className="select"
        value={codec.format(board[name])}
        onChange={(event) => {
          const choice = filter.choices.find((option) => codec.format(option.value) === event.target.value)
          // The value is one of the filter's own choices, or its default.
          onChange({ [name]: choice ? choice.value : codec.default } as FilterPatch)
        }}
      >
        <option value={codec.format(codec.default)}>{t.filters[filter.any]}</option>
        {filter.choices.map((choice) => (
          <option key={codec.format(choice.value)} value={codec.format(choice.value)}>
            {t.filters[choice.word]}
          </option>
        ))}
      </select>
    </label>
  )
}
