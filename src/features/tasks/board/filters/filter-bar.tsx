import { memo, useDeferredValue, useState, type ReactNode } from 'react'
import { MultiSelect } from '../../../../components/ui/multi-select.tsx'
import { useI18n } from '../../../../lib/i18n/i18n.tsx'
import { filterKey, type BoardState, type FilterPatch } from '../../url-state/board-state.ts'
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
  const [customerText, setCustomerText] = useState('')
  const customerSearch = useDeferredValue(customerText)
  const { t } = useI18n()
  const options = useFilterOptions(board, customerSearch, t)

  return (
    <>
      <div className="filter-row">
        <div className="filters" role="group" aria-label={t.filters.group} id={rowId} hidden={collapsed}>
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
        {/* On the controls' line: active filters cost no line of their own. */}
        <FilterChips board={board} options={options} onChange={onChange} t={t} />
        {trailing}
      </div>
    </>
  )
}
