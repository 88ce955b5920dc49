import { useState, type ReactNode } from 'react'
import { LanguageSwitch } from '../../../components/ui/language-switch.tsx'
import { ThemeSwitch } from '../../../components/ui/theme-switch.tsx'
import { useI18n } from '../../../lib/i18n/i18n.tsx'
import { useWindowWidth } from '../../../lib/window-width.ts'
import type { BoardState } from '../../../shared/tasks/url-state/board-state.ts'
import type { BoardPatch, UpdateOptions } from '../../../shared/tasks/url-state/board-writer.ts'
import { BoardHeader } from './board-header.tsx'
import { BoardToolbar } from './board-toolbar.tsx'
import { DisclosureButton } from './disclosure-button.tsx'
import { countActiveFilters } from './filters/active-filter-count.ts'
import { FilterBar } from './filters/filter-bar.tsx'

const FILTERS_ID = 'board-filters'
const SETTINGS_ID = 'board-settings'

/**
 * Everything above the tabs: the title, search and actions on one line, the
 * filters below. A narrow window folds the filters into one "Filters" button
 * with a count and the settings (language, theme, columns) into another, so
 * the rows start higher.
 */
export function BoardTop({
  board,
  update,
  onHelp,
  columnMenu,
  viewsOpen,
  onViewsOpenChange,
  ready,
}: {
  board: BoardState
  update: (patch: BoardPatch, options?: UpdateOptions) => void
  onHelp: () => void
  columnMenu: ReactNode
  viewsOpen: boolean
  onViewsOpenChange: (open: boolean) => void
  /** The first rows (or their error) are there: the parts they do not need may be fetched. */
  ready: boolean
}) {
  const { t } = useI18n()
  const folded = useWindowWidth() !== 'wide'
  const [filtersOpen, setFiltersOpen] = useState(false)
  const [settingsOpen, setSettingsOpen] = useState(false)
  const settings = (
    <>
      <LanguageSwitch />
      <ThemeSwitch />
    </>
  )
  const filterCount = countActiveFilters(board)
  return (
    <>
      <BoardHeader
        ready={ready}
        settings={
          folded ? (
            <div className="board__folded">
              <DisclosureButton open={filtersOpen} controls={FILTERS_ID} onToggle={() => setFiltersOpen(!filtersOpen)}>
                {t.layout.filters}
                <span className={`count-badge${filterCount === 0 ? ' count-badge--none' : ''}`}>{filterCount}</span>
                <span className="visually-hidden">{t.layout.activeFilters}</span>
              </DisclosureButton>
              <DisclosureButton
                open={settingsOpen}
                controls={SETTINGS_ID}
                onToggle={() => setSettingsOpen(!settingsOpen)}
              >
                {t.layout.settings}
              </DisclosureButton>
            </div>
          ) : (
            <div className="board__settings">{settings}</div>
          )
        }
      >
        <BoardToolbar
          board={board}
          update={update}
          onHelp={onHelp}
          viewsOpen={viewsOpen}
          onViewsOpenChange={onViewsOpenChange}
          ready={ready}
        />
      </BoardHeader>
      {folded && (
        <div id={SETTINGS_ID} className="board__settings board__settings--folded" hidden={!settingsOpen}>
          {settings}
          {columnMenu}
        </div>
      )}
      <FilterBar
        board={board}
        onChange={update}
        trailing={folded ? undefined : columnMenu}
        rowId={FILTERS_ID}
        collapsed={folded && !filtersOpen}
      />
    </>
  )
}
