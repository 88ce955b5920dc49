import { FIRST_VIEW_ELEMENT_ID, type FirstViewHandover } from '../../src/shared/tasks/api/first-view-handover.ts'

/**
 * `<` would let a title such as `</script>` or `<!--` end or bend the
 * element, and U+2028/U+2029 end lines in older JavaScript parsers: each is
 * written as its JSON escape, which JSON.parse reads back unchanged. JSON has
 * `<` only inside strings, so nothing else changes.
 */
const UNSAFE_IN_SCRIPT = /[<\u2028\u2029]/g

/**
 * The handover as a data island: a `<script type="application/json">` is
 * never executed (so `script-src 'self'` allows it), and the browser keeps
 * its text exactly as written.
 */
export function formatFirstViewIsland(handover: FirstViewHandover): string {
  const safe = JSON.stringify(handover).replace(
    UNSAFE_IN_SCRIPT,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  )
  return `<script type="application/json" id="${FIRST_VIEW_ELEMENT_ID}">${safe}</script>`
}
