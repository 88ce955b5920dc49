/**
 * From this length on a board link is offered as the view's short link too.
 * Proxies and servers start refusing request lines around 2,000 characters
 * (older browsers and some gateways cap URLs there), so a link this long may
 * not survive being pasted into chat and opened elsewhere.
 */
export const LONG_LINK_LENGTH = 2000

export function isLongLink(link: string): boolean {
  return link.length > LONG_LINK_LENGTH
}
