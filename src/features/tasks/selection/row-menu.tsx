import { Menu, MenuItem, useMenuStore } from '@ariakit/react'
import { useEffect } from 'react'
import { useNavigate } from 'react-router'
import type { WriteOperation } from '../../../shared/tasks/api/task-change.ts'
import { useSession } from '../../views/api/session-queries.ts'
import type { RowMenuRequest } from '../table/tasks-table.tsx'
import { useSelectionI18n } from './words/selection-words.ts'

/**
 * A row's menu (`m`, or a right-click beside its link): open the task, each
 * change this person may make (the task opens with that change's control
 * ready, where it is made, confirmed and can be undone), or pick the row.
 */
export function RowMenu({
  request,
  picked,
  onPick,
  onClose,
}: {
  request: RowMenuRequest
  picked: boolean
  onPick: () => void
  onClose: () => void
}) {
  const { t } = useSelectionI18n()
  const navigate = useNavigate()
  const writes = new Set<WriteOperation>(useSession().data?.writes ?? [])
  const menu = useMenuStore({
    open: true,
    setOpen: (open) => {
      if (!open) onClose()
    },
  })
  useEffect(() => {
    menu.setAutoFocusOnShow(true)
    menu.setInitialFocus('first')
  }, [menu])
  const words = t.selection.row
  const { href, link, at } = request
  const open = (edit?: WriteOperation) => () =>
    void navigate(href, { state: edit ? { fromBoard: true, edit } : { fromBoard: true } })
  const items: { label: string; key?: string; onClick: () => void }[] = [
    { label: words.open, key: 'Enter', onClick: open() },
    ...(writes.has('status') ? [{ label: words.status, key: 's', onClick: open('status') }] : []),
    ...(writes.has('priority') ? [{ label: words.priority, key: 'p', onClick: open('priority') }] : []),
    ...(writes.has('assignee') ? [{ label: words.assignee, key: 'a', onClick: open('assignee') }] : []),
    ...(writes.has('dueDate') ? [{ label: words.due, key: 'd', onClick: open('dueDate') }] : []),
    ...(writes.has('complete') ? [{ label: words.complete, onClick: open('complete') }] : []),
    { label: picked ? words.unpick : words.pick, key: 'x', onClick: onPick },
  ]
  return (
    <Menu
      store={menu}
      gutter={4}
      className="menu"
      portal
      aria-label={words.label}
      getAnchorRect={() => (at ? { x: at.x, y: at.y } : link.getBoundingClientRect())}
      finalFocus={link}
    >
      <div className="menu__list">
        {items.map((item) => (
          <MenuItem key={item.label} className="menu-item row-menu__item" onClick={item.onClick}>
            <span className="menu-item__label">{item.label}</span>
            {item.key && <kbd aria-hidden="true">{item.key}</kbd>}
          </MenuItem>
        ))}
      </div>
    </Menu>
  )
}
