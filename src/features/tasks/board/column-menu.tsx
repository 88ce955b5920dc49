import {
  Menu,
  MenuButton,
  MenuGroup,
  MenuGroupLabel,
  MenuItemCheckbox,
  MenuItemRadio,
  MenuProvider,
} from '@ariakit/react'
import { OPTIONAL_COLUMNS, type ColumnPrefs, type Density, type OptionalColumn } from '../table/column-prefs.ts'

/** Shows or hides optional columns and sets the row density; both stay in this browser. */
export function ColumnMenu({ prefs, onChange }: { prefs: ColumnPrefs; onChange: (prefs: ColumnPrefs) => void }) {
  return (
    <MenuProvider
      values={{ columns: prefs.shown, density: prefs.density }}
      setValues={(values: { columns: string[]; density: string }) =>
        onChange({
          shown: values.columns.filter((id): id is OptionalColumn => Object.hasOwn(OPTIONAL_COLUMNS, id)),
          density: values.density === 'compact' ? 'compact' : ('comfortable' satisfies Density),
        })
      }
    >
      <MenuButton className="button filter-button">
        Columns
        <span aria-hidden="true" className="filter-button__arrow">
          ▾
        </span>
      </MenuButton>
      <Menu gutter={4} className="menu" portal>
        <div className="menu__list">
          <MenuGroup>
            <MenuGroupLabel className="menu-group-label">More columns</MenuGroupLabel>
            {(Object.entries(OPTIONAL_COLUMNS) as [OptionalColumn, string][]).map(([id, label]) => (
              <MenuItemCheckbox key={id} name="columns" value={id} className="menu-item" hideOnClick={false}>
                <span className="menu-item__check" aria-hidden="true">
                  {prefs.shown.includes(id) ? '✓' : ''}
                </span>
                <span className="menu-item__label">{label}</span>
              </MenuItemCheckbox>
            ))}
          </MenuGroup>
          <MenuGroup>
            <MenuGroupLabel className="menu-group-label">Rows</MenuGroupLabel>
            {(['comfortable', 'compact'] as const).map((density) => (
              <MenuItemRadio key={density} name="density" value={density} className="menu-item" hideOnClick={false}>
                <span className="menu-item__check" aria-hidden="true">
                  {prefs.density === density ? '●' : ''}
                </span>
                <span className="menu-item__label">{density === 'comfortable' ? 'Comfortable' : 'Compact'}</span>
              </MenuItemRadio>
            ))}
          </MenuGroup>
        </div>
      </Menu>
    </MenuProvider>
  )
}
