import { ModalDialog } from '../../../components/ui/modal-dialog.tsx'
import { useI18n } from '../../../lib/i18n/i18n.tsx'
import { useSession } from '../../views/api/session-queries.ts'
import { keyLabel, SHORTCUTS } from '../shortcuts.ts'

export function ShortcutsDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useI18n()
  const writes: readonly string[] = useSession().data?.writes ?? []
  // A change this person may not make has no key, as it has no control.
  const shown = SHORTCUTS.filter(
    (shortcut) =>
      !('operation' in shortcut) ||
      (shortcut.operation === 'any' ? writes.length > 0 : writes.includes(shortcut.operation)),
  )
  return (
    <ModalDialog title={t.keys.title} closeLabel={t.keys.dismiss} open={open} onClose={onClose}>
      <dl className="shortcuts">
        {shown.map(({ action, keys }) => (
          <div key={action} className="shortcuts__row">
            <dt>
              {keys.map((key, index) => (
                <span key={key}>
                  {index > 0 && t.keys.or}
                  <kbd>{keyLabel(key)}</kbd>
                </span>
              ))}
            </dt>
            <dd>{t.keys[action]}</dd>
          </div>
        ))}
      </dl>
    </ModalDialog>
  )
}
