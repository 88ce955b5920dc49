import { dehydrate, QueryClient } from '@tanstack/react-query'
import { expect, test } from 'vitest'
import { parseFirstViewHandover, type FirstViewHandover } from '../../src/shared/tasks/api/first-view-handover.ts'
import { formatFirstViewIsland } from './format-island.ts'

const HOSTILE = [
  '</script><script>alert(1)</script>',
  '</SCRIPT >',
  '<!--<script>',
  '-->',
  '<![CDATA[',
  'line\u2028separator\u2029paragraph',
  '"quoted" \\ back\\slash',
  '& &amp; &lt;',
]

/** A handover whose rows have these titles, as the server's renderer dehydrates them. */
function handoverOf(titles: string[]): FirstViewHandover {
  const client = new QueryClient()
  client.setQueryData(['tasks', 'list', { limit: 50 }], { tasks: titles.map((title) => ({ title })) })
  return JSON.parse(JSON.stringify({ state: dehydrate(client) })) as FirstViewHandover
}

/** The element's text, as the browser's parser keeps it. */
function inner(html: string): string {
  return html.slice(html.indexOf('>') + 1, -'</script>'.length)
}

test('hostile titles cannot end or bend the element', () => {
  const html = formatFirstViewIsland(handoverOf(HOSTILE))
  expect(html.startsWith('<script type="application/json" id="first-view">')).toBe(true)
  expect(inner(html)).not.toContain('<')
  expect(inner(html)).not.toMatch(/[\u2028\u2029]/)
  expect(html.match(/<\/script/gi)).toHaveLength(1)
})

test('the browser reads back exactly what the server sent', () => {
  const handover = handoverOf(HOSTILE)
  expect(parseFirstViewHandover(inner(formatFirstViewIsland(handover)))).toEqual(handover)
  const limited = { rateLimited: { retryAfterMs: null } }
  expect(parseFirstViewHandover(inner(formatFirstViewIsland(limited)))).toEqual(limited)
})

test('what is not a handover is not read as one', () => {
  for (const text of ['not json', '[]', '{"state": {"queries": "none"}}', '{"rateLimited": {}}']) {
    expect(parseFirstViewHandover(text), text).toBeNull()
  }
})
