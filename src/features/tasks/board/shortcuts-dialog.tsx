import { Dialog, DialogDismiss, DialogHeading } from '@ariakit/react'
import { useI18n } from '../../../lib/i18n/i18n.tsx'

export function ShortcutsDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useI18n()
  const shortcuts: [keys: string[], action: string][] = [
    [['↓', 'j'], t.keys.next],
    [['↑', 'k'], t.keys.previous],
    [['Enter'], t.keys.open],
    [['Esc'], t.keys.close],
    [['/'], t.keys.search],
    [['?'], t.keys.help],
  ]
  return (
    <Dialog
      open={open}
      onClose={onClose}
      className="dialog"
      backdrop={<div className="detail-backdrop" />}
      unmountOnHide
    >
      <div className="dialog__header">
        <DialogHeading className="dialog__title">{t.keys.title}</DialogHeading>
        <DialogDismiss className="button">{t.detail.close}</DialogDismiss>
      </div>
      <dl className="shortcuts">
        {shortcuts.map(([keys, action]) => (
          <div key={action} className="shortcuts__row">
            <dt>
              {keys.map((key, index) => (
                <span key={key}>
                  {index > 0 && t.keys.or}
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
