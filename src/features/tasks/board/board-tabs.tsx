import { useRef, type KeyboardEvent } from 'react'
import { intentProps } from '../../../components/ui/intent-props.ts'
import { ViewLink } from '../../../components/ui/view-link.tsx'
import { useI18n } from '../../../lib/i18n/i18n.tsx'
import type { CountText } from '../presenters/count-text.ts'
import { TABS, type Tab } from '../../../shared/tasks/url-state/board-state.ts'
import './board-tabs.css'

export const TASKS_PANEL_ID = 'tasks-panel'
export const tabId = (tab: Tab) => `tab-${tab}`

/**
 * A real tablist: one tab stop, arrow keys move between tabs, and moving
 * selects. Each tab is a link to its view, so a click before the scripts
 * run opens it (the server renders it), as does a new tab. A tab's count is part of its name ("Open 437"); it is no live
 * region, so a screen reader hears it when it reaches the tab, not on
 * every refresh.
 */
export function BoardTabs({
  current,
  hrefOf,
  onSelect,
  onIntent,
  counts = {},
}: {
  current: Tab
  /** The address of the board showing a tab. */
  hrefOf: (tab: Tab) => string
  onSelect: (tab: Tab) => void
  /** The pointer or focus rests on a tab (null: it left), so its view can be asked for before the click. */
  onIntent?: (tab: Tab | null) => void
  counts?: Partial<Record<Tab, CountText>>
}) {
  const { t } = useI18n()
  const list = useRef<HTMLDivElement>(null)

  // From the tab the key was pressed on, not the selected one: held arrow keys outrun the URL's updates.
  function onKeyDown(event: KeyboardEvent<HTMLAnchorElement>, from: Tab) {
    const index = TABS.indexOf(from)
    const target =
      event.key === 'ArrowRight'
        ? TABS[(index + 1) % TABS.length]
        : event.key === 'ArrowLeft'
          ? TABS[(index - 1 + TABS.length) % TABS.length]
          : event.key === 'Home'
            ? TABS[0]
            : event.key === 'End'
              ? TABS[TABS.length - 1]
              : undefined
    if (!target) return
    event.preventDefault()
    onSelect(target)
    list.current?.querySelector<HTMLAnchorElement>(`#${tabId(target)}`)?.focus()
  }

  return (
    <div className="tabs" role="tablist" aria-label={t.board.tabsLabel} ref={list}>
      {TABS.map((tab) => (
        <ViewLink
          key={tab}
          id={tabId(tab)}
          href={hrefOf(tab)}
          role="tab"
          className="tabs__tab"
          aria-selected={tab === current}
          aria-controls={TASKS_PANEL_ID}
          tabIndex={tab === current ? 0 : -1}
          onActivate={() => onSelect(tab)}
          onKeyDown={(event) => onKeyDown(event, tab)}
          {...(onIntent && intentProps((resting) => onIntent(resting ? tab : null)))}
        >
          {t.tabs[tab]}
          {/* Outside the count's spans: accessible names join inline text without spaces. */}
          {counts[tab] && ' '}
          <TabCount count={counts[tab]} />
        </ViewLink>
      ))}
    </div>
  )
}

function TabCount({ count }: { count: CountText | undefined }) {
  if (!count) return null
  return (
    <>
      <span className={count.approximate ? 'tabs__count tabs__count--approximate' : 'tabs__count'} aria-hidden="true">
        {count.shown}
      </span>
      <span className="visually-hidden">{count.spoken}</span>
    </>
  )
}
