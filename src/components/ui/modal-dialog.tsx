import { Dialog, DialogDismiss, DialogHeading } from '@ariakit/react'
import type { ReactNode } from 'react'

/** A dialog over the board: its title, a button that closes it, and what it holds; Esc and a press outside close it too. */
export function ModalDialog({
  title,
  closeLabel,
  open,
  onClose,
  className,
  children,
}: {
  title: string
  closeLabel: string
  open: boolean
  onClose: () => void
  className?: string
  children: ReactNode
}) {
  return (
    <Dialog
      open={open}
      onClose={onClose}
      className={className ? `dialog ${className}` : 'dialog'}
      backdrop={<div className="detail-backdrop" />}
      unmountOnHide
    >
      <div className="dialog__header">
        <DialogHeading className="dialog__title">{title}</DialogHeading>
        <DialogDismiss className="button">{closeLabel}</DialogDismiss>
      </div>
      {children}
    </Dialog>
  )
}
