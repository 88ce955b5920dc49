import { expect, test } from 'vitest'
import { parseFirstViewHandover } from '../../src/features/tasks/api/first-view-handover.ts'
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

function island(titles: string[]): string {
  return formatFirstViewIsland('limit=50&offset=0', '12', JSON.stringify(titles.map((title) => ({ title }))))
}

test('hostile titles cannot end or bend the element', () => {
  const html = island(HOSTILE)
  expect(html.startsWith('<script type="application/json" id="first-view">')).toBe(true)
  const inner = html.slice(html.indexOf('>') + 1, -'</script>'.length)
  expect(inner).not.toContain('<')
  expect(inner).not.toMatch(/[\u2028\u2029]/)
  expect(html.match(/<\/script/gi)).toHaveLength(1)
})

test('the browser reads back exactly what the server sent', () => {
  const html = island(HOSTILE)
  const inner = html.slice(html.indexOf('>') + 1, -'</script>'.length)
  expect(parseFirstViewHandover(inner)).toEqual({
    request: 'limit=50&offset=0',
    totalCount: '12',
    body: HOSTILE.map((title) => ({ title })),
  })
})

test('an answer without a total says so', () => {
  const html = formatFirstViewIsland('limit=1&offset=0', null, '[]')
  expect(parseFirstViewHandover(html.slice(html.indexOf('>') + 1, -'</script>'.length))).toEqual({
    request: 'limit=1&offset=0',
    totalCount: null,
    body: [],
  })
})
