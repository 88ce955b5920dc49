import { Dialog, DialogDismiss, DialogHeading } from '@ariakit/react'

const SHORTCUTS: [keys: string[], action: string][] = [
  [['↓', 'j'], 'Next task (past the last: next page)'],
  [['↑', 'k'], 'Previous task (before the first: previous page)'],
  [['Enter'], 'Open the focused task'],
  [['Esc'], 'Close the task or a menu'],
  [['/'], 'Search'],
  [['?'], 'Show these shortcuts'],
]

export function ShortcutsDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  return (
    <Dialog open={open} onClose={onClose} className="dialog" backdrop={<div className="detail-backdrop" />}>
      <div className="dialog__header">
        <DialogHeading className="dialog__title">Keyboard shortcuts</DialogHeading>
        <DialogDismiss className="button">Close</DialogDismiss>
      </div>
      <dl className="shortcuts">
        {SHORTCUTS.map(([keys, action]) => (
          <div key={action} className="shortcuts__row">
            <dt>
              {keys.map((key, index) => (
                <span key={key}>
                  {index > 0 && ' or '}
                  <kbd>{key}</kbd>
                </span>
              ))}
            </dt>
            <dd>{action}</dd>
          </div>
        ))}
      </dl>
    </Dialog>
  )
}
