import {
  Combobox,
  ComboboxItem,
  ComboboxList,
  ComboboxProvider,
  Select,
  SelectItem,
  SelectItemCheck,
  SelectPopover,
  SelectProvider,
} from '@ariakit/react'
import { startTransition, useMemo, useState } from 'react'
import { useI18n } from '../../lib/i18n/i18n.tsx'
import { filterButtonClass, filterSummary, type MultiSelectProps } from './multi-select.tsx'

/**
 * A filter button that opens a listbox of checkable options, optionally with
 * a search field. Focus, keyboard and ARIA come from Ariakit; this component
 * only arranges them.
 */
export function MultiSelectPopover({
  label,
  options,
  selected,
  onChange,
  searchable = false,
  onSearch,
  emptyText,
  loading = false,
  defaultOpen = false,
  autoFocus = false,
}: MultiSelectProps & { defaultOpen?: boolean; autoFocus?: boolean }) {
  const { t } = useI18n()
  const [search, setSearch] = useState('')
  const matches = useMemo(() => {
    if (!searchable || onSearch) return options
    const needle = search.trim().toLocaleLowerCase()
    return needle ? options.filter((option) => option.label.toLocaleLowerCase().includes(needle)) : options
  }, [options, search, searchable, onSearch])

  const summary = filterSummary(label, selected.length)
  const list = (
    <>
      {matches.map((option) => (
        <SelectItem
          key={option.value}
          value={option.value}
          className="menu-item"
          render={searchable ? <ComboboxItem /> : undefined}
        >
          <SelectItemCheck className="menu-item__check" />
          {option.adornment}
          <span className="menu-item__label">{option.label}</span>
        </SelectItem>
      ))}
      {matches.length === 0 && (
        <div className="menu-empty">{loading ? t.filters.loading : (emptyText ?? t.filters.noOptions)}</div>
      )}
    </>
  )

  const select = (
    <SelectProvider
      value={[...selected]}
      setValue={(values) => onChange(values)}
      // Nested in a combobox store, the open state is that store's: Ariakit rejects a second default.
      defaultOpen={searchable ? undefined : defaultOpen}
    >
      {/* Focus moves here only from the stand-in this button replaces, which had it. */}
      {/* eslint-disable-next-line jsx-a11y/no-autofocus */}
      <Select className={filterButtonClass(selected.length > 0)} aria-label={label} autoFocus={autoFocus}>
        {summary}
        <span aria-hidden="true" className="filter-button__arrow">
          ▾
        </span>
      </Select>
      <SelectPopover gutter={4} className="menu" portal unmountOnHide>
        {searchable ? (
          <>
            <div className="menu__search">
              <Combobox
                autoSelect
                placeholder={t.filters.searchPlaceholder}
                aria-label={t.filters.searchIn(label)}
                className="menu__search-input"
              />
            </div>
            <ComboboxList className="menu__list">{list}</ComboboxList>
          </>
        ) : (
          <div className="menu__list">{list}</div>
        )}
      </SelectPopover>
    </SelectProvider>
  )

  if (!searchable) return select
  return (
    <ComboboxProvider
      // The select's open state follows this store's when they are nested.
      defaultOpen={defaultOpen}
      resetValueOnHide
      setValue={(value) => {
        startTransition(() => setSearch(value))
        onSearch?.(value)
      }}
    >
      {select}
    </ComboboxProvider>
  )
}
