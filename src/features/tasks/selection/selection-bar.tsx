import '../../../components/ui/input.css'
import './selection-bar.css'
import {
  Menu,
  MenuButton,
  MenuItem,
  MenuProvider,
  Popover,
  PopoverDisclosure,
  PopoverProvider,
  useMenuStore,
  usePopoverStore,
} from '@ariakit/react'
import { useEffect, useRef, useState, type FormEvent } from 'react'
import { isTypingTarget } from '../../../lib/is-typing-target.ts'
import { useDateStyle } from '../../../lib/render-environment.tsx'
import { fromDateTimeInput } from '../../../shared/zoned-time.ts'
import type { JobChange } from '../../../shared/tasks/api/job-request.ts'
import { TASK_STATUSES } from '../../../shared/tasks/api/schemas.ts'
import { WRITABLE_PRIORITIES, type WriteOperation } from '../../../shared/tasks/api/task-change.ts'
import { useSession } from '../../views/api/session-queries.ts'
import { useUsers } from '../api/use-lookups.ts'
import type { Selection } from '../board/use-row-selection.ts'
import { editShortcut } from '../shortcuts.ts'
import { BulkPreview } from './bulk-preview.tsx'
import { planBulk, type BulkPlan } from './bulk-plan.ts'
import { JobReport, useShownJobs } from './job-report.tsx'
import { useSelectionI18n } from './words/selection-words.ts'

// The part the board loads after its first rows: the bar, and the rows' menu beside it.
export { RowMenu } from './row-menu.tsx'

export interface SelectionBarProps {
  selection: Selection
  onClear: () => void
  /** Told whether this person may change tasks: rows can be picked only then. */
  onWritable: (writable: boolean) => void
}

/**
 * Changes on many tasks: the picked rows' count and the changes this person
 * may make, a preview of what each would do, then the server's job with its
 * progress and an outcome per task. The job is the server's: it goes on when
 * this tab closes, and shows again (with how it ended) when the board opens.
 */
export function SelectionBar({ selection, onClear, onWritable }: SelectionBarProps) {
  const { t } = useSelectionI18n()
  const allowed = useSession().data?.writes
  const writes = new Set<WriteOperation>(allowed ?? [])
  const writable = writes.size > 0
  useEffect(() => onWritable(writable), [writable, onWritable])
  const [plan, setPlan] = useState<BulkPlan | null>(null)
  const { jobs, dismiss } = useShownJobs(writable)
  const words = t.selection

  // With rows picked, a change's key (s, p, a, d) opens that change's menu for all of them (`count` tells
  // presses apart); Esc clears them. A menu, dialog or field that takes the key keeps it.
  const [requested, setRequested] = useState<{ operation: WriteOperation; count: number } | null>(null)
  useEffect(() => {
    if (selection.size === 0) return
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || isTypingTarget(event.target)) return
      if (document.querySelector('[role="dialog"], [role="menu"]')) return
      const operation = editShortcut(event)
      if (operation) {
        event.preventDefault()
        setRequested((before) => ({ operation, count: (before?.count ?? 0) + 1 }))
      } else if (event.key === 'Escape') onClear()
    }
    document.addEventListener('keydown', onKey)
    return () => document.removeEventListener('keydown', onKey)
  }, [selection.size, onClear])

  if (selection.size === 0 && jobs.length === 0) return null
  const propose = (change: JobChange) => setPlan(planBulk(change, selection.values()))
  return (
    <section className="selection-bar" aria-label={words.region}>
      {selection.size > 0 && writes.size > 0 && (
        <div className="selection-bar__picked">
          <p className="selection-bar__count" role="status">
            {words.picked(selection.size)}
          </p>
          <div className="selection-bar__actions">
            {writes.has('status') && (
              <ChoiceMenu
                label={words.status}
                open={requested?.operation === 'status' ? requested.count : null}
                options={TASK_STATUSES.map((value) => ({ value, label: t.status[value] }))}
                onChoose={(to) =>
                  propose(
                    to === 'completed' && writes.has('complete') ? { field: 'complete' } : { field: 'status', to },
                  )
                }
              />
            )}
            {writes.has('priority') && (
              <ChoiceMenu
                label={words.priority}
                open={requested?.operation === 'priority' ? requested.count : null}
                options={WRITABLE_PRIORITIES.map((value) => ({ value, label: t.priority[value] }))}
                onChoose={(to) => propose({ field: 'priority', to })}
              />
            )}
            {writes.has('assignee') && (
              <AssigneeMenu open={requested?.operation === 'assignee' ? requested.count : null} onChoose={propose} />
            )}
            {writes.has('dueDate') && (
              <DueMenu open={requested?.operation === 'dueDate' ? requested.count : null} onChoose={propose} />
            )}
            {writes.has('complete') && (
              <button type="button" className="button" onClick={() => propose({ field: 'complete' })}>
                {words.complete}
              </button>
            )}
            <button type="button" className="button button--quiet" onClick={onClear}>
              {words.clear} <kbd>Esc</kbd>
            </button>
          </div>
        </div>
      )}
      {jobs.map((job) => (
        <JobReport key={job.id} job={job} titles={selection} onDismiss={() => dismiss(job.id)} />
      ))}
      {plan && (
        <BulkPreview
          plan={plan}
          onClose={() => setPlan(null)}
          onStarted={() => {
            setPlan(null)
            onClear()
          }}
        />
      )}
    </section>
  )
}

function ChoiceMenu<V extends string>({
  label,
  options,
  open,
  onChoose,
}: {
  label: string
  options: readonly { value: V; label: string }[]
  /** When set (a key press's time), the menu opens. */
  open: number | null
  onChoose: (value: V) => void
}) {
  const menu = useMenuStore()
  const handled = useRef(open)
  useEffect(() => {
    // Opened by a new key press (not one from before it was shown): the first value takes the focus, as when
    // the button is opened with the arrow keys.
    if (open === null || open === handled.current) return
    handled.current = open
    menu.setAutoFocusOnShow(true)
    menu.setInitialFocus('first')
    menu.show()
  }, [open, menu])
  return (
    <MenuProvider store={menu}>
      <MenuButton className="button filter-button">
        {label}
        <span aria-hidden="true" className="filter-button__arrow">
          ▾
        </span>
      </MenuButton>
      <Menu gutter={4} className="menu" portal unmountOnHide>
        <div className="menu__list">
          {options.map((option) => (
            <MenuItem key={option.value} className="menu-item" onClick={() => onChoose(option.value)}>
              <span className="menu-item__label">{option.label}</span>
            </MenuItem>
          ))}
        </div>
      </Menu>
    </MenuProvider>
  )
}

const NOBODY = 'nobody'

function AssigneeMenu({ open, onChoose }: { open: number | null; onChoose: (change: JobChange) => void }) {
  const { t } = useSelectionI18n()
  const people = (useUsers().data ?? [])
    .map((user) => ({ value: user.id, label: user.name ?? user.id }))
    .sort((a, b) => a.label.localeCompare(b.label))
  return (
    <ChoiceMenu
      label={t.selection.assignee}
      open={open}
      options={[{ value: NOBODY, label: t.selection.nobody }, ...people]}
      onChoose={(value) => onChoose({ field: 'assignee', to: value === NOBODY ? null : value })}
    />
  )
}

function DueMenu({ open, onChoose }: { open: number | null; onChoose: (change: JobChange) => void }) {
  const { t } = useSelectionI18n()
  const { timeZone } = useDateStyle()
  const popover = usePopoverStore()
  const [value, setValue] = useState('')
  const handled = useRef(open)
  useEffect(() => {
    if (open === null || open === handled.current) return
    handled.current = open
    popover.show()
  }, [open, popover])
  const at = fromDateTimeInput(value, timeZone)
  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (at === null) return
    popover.hide()
    onChoose({ field: 'dueDate', to: at })
  }
  return (
    <PopoverProvider store={popover}>
      <PopoverDisclosure className="button filter-button">
        {t.selection.due}
        <span aria-hidden="true" className="filter-button__arrow">
          ▾
        </span>
      </PopoverDisclosure>
      <Popover gutter={4} className="menu selection-due" portal unmountOnHide aria-label={t.selection.due}>
        <form onSubmit={submit} className="selection-due__form">
          <input
            type="datetime-local"
            className="input"
            aria-label={t.selection.due}
            value={value}
            onChange={(event) => setValue(event.target.value)}
          />
          <button type="submit" className="button" disabled={at === null}>
            {t.selection.dueApply}
          </button>
          <button
            type="button"
            className="button button--quiet"
            onClick={() => {
              popover.hide()
              onChoose({ field: 'dueDate', to: null })
            }}
          >
            {t.selection.noDue}
          </button>
        </form>
      </Popover>
    </PopoverProvider>
  )
}
