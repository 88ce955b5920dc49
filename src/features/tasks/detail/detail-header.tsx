import { DialogDismiss, DialogHeading } from '@ariakit/react'
import type { ReactNode } from 'react'
import { useDetailI18n } from './words/detail-words.ts'

/** The panel's heading (the dialog's name) with its actions and Close. */
export function DetailHeader({
  title,
  subtitle,
  actions,
}: {
  title: string
  subtitle?: ReactNode
  actions?: ReactNode
}) {
  const { t } = useDetailI18n()
  return (
    <header className="detail__header">
      <div className="detail__heading">
        {subtitle}
        <DialogHeading className="detail__title">{title}</DialogHeading>
      </div>
      <div className="detail__actions">
        {actions}
        <DialogDismiss className="button">{t.taskPanel.close}</DialogDismiss>
      </div>
    </header>
  )
}
