import {
  Menu,
  MenuButton,
  MenuGroup,
  MenuGroupLabel,
  MenuItemCheckbox,
  MenuItemRadio,
  MenuProvider,
} from '@ariakit/react'
import { useI18n } from '../../../lib/i18n/i18n.tsx'
import { useWindowWidth } from '../../../lib/window-width.ts'
import { isChoosableColumn } from './column-prefs.ts'
import { OPTIONAL_COLUMNS, WIDE_ONLY_COLUMNS } from './columns.tsx'
import type { ColumnMenuProps } from './column-menu.tsx'

export function ColumnMenuPopover({
  prefs,
  onChange,
  defaultOpen = false,
  autoFocus = false,
}: ColumnMenuProps & { defaultOpen?: boolean; autoFocus?: boolean }) {
  const { t } = useI18n()
  // A narrow window leaves the wide-only columns out by default; here they can be added back.
  const choosable = useWindowWidth() === 'wide' ? OPTIONAL_COLUMNS : [...WIDE_ONLY_COLUMNS, ...OPTIONAL_COLUMNS]
  return (
    <MenuProvider
      defaultOpen={defaultOpen}
      values={{ columns: prefs.shown, density: prefs.density }}
      setValues={(values: { columns: string[]; density: string }) =>
        onChange({
          ...prefs,
          shown: values.columns.filter(isChoosableColumn),
          density: values.density === 'compact' ? 'compact' : 'comfortable',
        })
      }
    >
      {/* Focus moves here only from the stand-in this button replaces, which had it. */}
      {/* eslint-disable-next-line jsx-a11y/no-autofocus */}
      <MenuButton className="button filter-button" autoFocus={autoFocus}>
        {t.columnMenu.button}
        <span aria-hidden="true" className="filter-button__arrow">
          ▾
        </span>
      </MenuButton>
      <Menu gutter={4} className="menu" portal unmountOnHide>
        <div className="menu__list">
          <MenuGroup>
            <MenuGroupLabel className="menu-group-label">{t.columnMenu.more}</MenuGroupLabel>
            {choosable.map((id) => (
              <MenuItemCheckbox key={id} name="columns" value={id} className="menu-item" hideOnClick={false}>
                <span className="menu-item__check" aria-hidden="true">
                  {prefs.shown.includes(id) ? '✓' : ''}
                </span>
                <span className="menu-item__label">{t.columns[id]}</span>
              </MenuItemCheckbox>
            ))}
          </MenuGroup>
          <MenuGroup>
            <MenuGroupLabel className="menu-group-label">{t.columnMenu.rows}</MenuGroupLabel>
            {(['comfortable', 'compact'] as const).map((density) => (
              <MenuItemRadio key={density} name="density" value={density} className="menu-item" hideOnClick={false}>
                <span className="menu-item__check" aria-hidden="true">
                  {prefs.density === density ? '●' : ''}
                </span>
                <span className="menu-item__label">{t.columnMenu[density]}</span>
              </MenuItemRadio>
            ))}
          </MenuGroup>
        </div>
      </Menu>
    </MenuProvider>
  )
}
