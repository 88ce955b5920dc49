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
import { startTransition, useMemo, useState, type ReactNode } from 'react'
import { useI18n } from '../../lib/i18n/i18n.tsx'

export interface MultiSelectOption {
  value: string
  label: string
  /** Shown before the label: a colour swatch, an avatar, an icon. */
  adornment?: ReactNode
}

export interface MultiSelectProps {
  /** The control's name, e.g. "Assignee". */
  label: string
  options: readonly MultiSelectOption[]
  selected: readonly string[]
  onChange: (values: string[]) => void
  /** Filter the options by typing. */
  searchable?: boolean
  /** With `searchable`: report the typed text instead of filtering locally (server search). */
  onSearch?: (text: string) => void
  /** Said in the list when it is empty. */
  emptyText?: string
  /** Said in the list while options load. */
  loading?: boolean
}

/**
 * A filter button that opens a listbox of checkable options, optionally with
 * a search field. Focus, keyboard and ARIA come from Ariakit; this component
 * only arranges them.
 */
export function MultiSelect({
  label,
  options,
  selected,
  onChange,
  searchable = false,
  onSearch,
  emptyText,
  loading = false,
}: MultiSelectProps) {
  const { t } = useI18n()
  const [search, setSearch] = useState('')
  const matches = useMemo(() => {
    if (!searchable || onSearch) return options
    const needle = search.trim().toLocaleLowerCase()
    return needle ? options.filter((option) => option.label.toLocaleLowerCase().includes(needle)) : options
  }, [options, search, searchable, onSearch])

  const summary = selected.length === 0 ? label : `${label} · ${selected.length}`
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
    <SelectProvider value={[...selected]} setValue={(values) => onChange(values)}>
      <Select
        className={`button filter-button${selected.length > 0 ? ' filter-button--active' : ''}`}
        aria-label={label}
      >
        {summary}
        <span aria-hidden="true" className="filter-button__arrow">
          ▾
        </span>
      </Select>
      <SelectPopover gutter={4} className="menu" portal>
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
