import type { AnchorHTMLAttributes, MouseEvent } from 'react'

/**
 * A link to another view of this page. Its address is what a click opens
 * before the scripts have run (the server renders that view) and what a new
 * tab or a copied link opens; once the scripts run, a plain click changes
 * the view in place instead.
 */
export function ViewLink({
  href,
  onActivate,
  onClick,
  children,
  ...props
}: AnchorHTMLAttributes<HTMLAnchorElement> & { href: string; onActivate: () => void }) {
  return (
    <a
      href={href}
      {...props}
      onClick={(event) => {
        onClick?.(event)
        if (event.defaultPrevented || !isPlainClick(event)) return
        event.preventDefault()
        onActivate()
      }}
    >
      {children}
    </a>
  )
}

/** A click the page may take over: not one that asks for a new tab, a window or a download. */
function isPlainClick(event: MouseEvent): boolean {
  return event.button === 0 && !event.metaKey && !event.ctrlKey && !event.shiftKey && !event.altKey
}
