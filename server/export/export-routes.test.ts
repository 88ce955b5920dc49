import ExcelJS from 'exceljs'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { startApp, type InProcessApp } from '../testing/start-app.ts'

const CAP = 2000
let app: InProcessApp
beforeAll(async () => {
  app = await startApp({
    // The demo's controls on: a colleague's change (a hostile title) is one of them.
    demo: { taskCount: 2500, faultsEnabled: true },
    env: { EXPORT_MAX_ROWS: String(CAP), COUNT_BUDGET_PER_MINUTE: '10000' },
  })
})
afterAll(() => app.stop())

function exportOf(params: Record<string, string>, headers: Record<string, string> = {}, signal?: AbortSignal) {
  return fetch(`${app.url}/app/export?${new URLSearchParams(params).toString()}`, { headers, signal })
}

/** A CSV's lines without its byte-order mark: the rows, a blank line, the facts. */
async function csvLines(response: Response): Promise<{ rows: string[]; facts: Map<string, string> }> {
  const bytes = Buffer.from(await response.arrayBuffer())
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
  const [rows, facts] = bytes.subarray(3).toString('utf8').split('\r\n\r\n') as [string, string]
  return {
    rows: rows.split('\r\n'),
    facts: new Map<string, string>(
      facts
        .split('\r\n')
        .filter(Boolean)
        .map((line) => {
          const [label, value] = line.split(/[,;](.*)/s) as [string, string]
          return [label, value.replace(/^"(.*)"$/s, '$1').replaceAll('""', '"')]
        }),
    ),
  }
}

async function count(set: string): Promise<number> {
  const answer = await app.call('GET', `/app/counts?set=${encodeURIComponent(set)}`)
  return (answer.json as { counts: { count: number }[] }).counts[0]!.count
}

test('says before anything is read how many tasks a view has and what its export costs', async () => {
  const open = await count('taskStatus=open')
  const size = await app.call('GET', `/app/export/size?view=${encodeURIComponent('tab=open&q=')}`)
  // Its one page, and the empty one that ends the paging.
  expect(size.json).toEqual({ count: { state: 'exact', count: open }, cap: CAP, requests: 2 })
  const all = await app.call('GET', `/app/export/size?view=${encodeURIComponent('tab=all')}`)
  expect(all.json).toMatchObject({ count: { count: 2500 }, cap: CAP, requests: 2 })
})

test('a view over the cap is refused before anything is read, with the sentence; or its first tasks, said so', async () => {
  const before = app.upstreamRequests()
  const over = await exportOf({ view: 'tab=all', format: 'csv', columns: 'identifier' })
  expect(over.status).toBe(413)
  expect(((await over.json()) as { message: string }).message).toBe(
    `This view has 2500 tasks: exports are capped at ${CAP} (EXPORT_MAX_ROWS); narrow the view or export the first ${CAP}.`,
  )
  expect(app.upstreamRequests()).toBe(before)

  const first = await exportOf({ view: 'tab=all', format: 'csv', columns: 'identifier,title', first: 'true' })
  expect(first.status).toBe(200)
  expect(first.headers.get('content-disposition')).toMatch(/^attachment; filename="tasks-\d{4}-\d\d-\d\d\.csv"$/)
  const { rows, facts } = await csvLines(first)
  expect(rows[0]).toBe('Task,Title')
  expect(rows).toHaveLength(1 + CAP)
  // Two pages of a thousand, each task once.
  expect(new Set(rows.slice(1).map((row) => row.split(',')[0])).size).toBe(CAP)
  expect(facts.get('Rows')).toBe(String(CAP))
  expect(facts.get('Counted before')).toBe('2500')
  expect(facts.get('Notes')).toContain(`Cut at ${CAP} tasks (EXPORT_MAX_ROWS)`)
})

test('a filtered view in German: its every task in its order, the columns asked, words and separator of German Excel', async () => {
  const view = 'tab=open&sort=title:asc'
  const response = await exportOf({ view, format: 'csv', columns: 'title,taskStatus,identifier', lang: 'de' })
  const { rows, facts } = await csvLines(response)
  expect(rows[0]).toBe('Titel;Status;Aufgabe')
  expect(rows).toHaveLength(1 + (await count('taskStatus=open')))
  expect(rows.slice(1).every((row) => row.includes(';Offen;'))).toBe(true)
  const api = JSON.parse(
    (
      await app.call(
        'GET',
        `/api/tasks/?taskStatus=open&limit=5&sort=${encodeURIComponent('{"by":"title","direction":1}')}`,
      )
    ).text,
  ) as { title: string }[]
  expect(rows.slice(1, 6).map((row) => row.split(';')[0]!.replace(/^"|"$/g, ''))).toEqual(api.map((task) => task.title))
  expect(facts.get('Ansicht')).toBe(`${app.url}/tasks?tab=open&sort=title:asc`)
  expect(facts.get('Hinweise')).toBe('Nichts wurde weggelassen.')
})

test('a mangled link exports the view the board makes of it, and says what was left out', async () => {
  const response = await exportOf({ view: 'tab=bogus&priority=urgent&size=7', format: 'csv', columns: 'priority' })
  const { rows, facts } = await csvLines(response)
  expect(rows.slice(1).every((row) => row === 'Urgent')).toBe(true)
  expect(rows).toHaveLength(1 + (await count('taskStatus=new,open,in_progress,in_review&priority=urgent')))
  expect(facts.get('Left out of the link')).toBe('tab=bogus, size=7')
})

test('a title a spreadsheet would run comes out as text', async () => {
  const [task] = JSON.parse((await app.call('GET', '/api/tasks/?taskStatus=completed&limit=1')).text) as {
    _id: string
  }[]
  const hostile = '=HYPERLINK("http://evil.example","Open me")'
  await fetch(`${app.demoOrigin}/__demo/tasks/${task!._id}`, {
    method: 'POST',
    body: JSON.stringify({ title: hostile }),
  })
  const response = await exportOf({ view: 'tab=completed&q=HYPERLINK', format: 'csv', columns: 'title' })
  const { rows } = await csvLines(response)
  expect(rows).toEqual(['Title', `"'=HYPERLINK(""http://evil.example"",""Open me"")"`])
})

test('XLSX: the rows on one sheet with dates typed, the facts on another', async () => {
  const response = await exportOf({
    view: 'tab=in_review',
    format: 'xlsx',
    columns: 'identifier,createdAt',
    tz: 'Europe/Berlin',
  })
  expect(response.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(await response.arrayBuffer())
  const [tasks, facts] = workbook.worksheets
  expect(tasks!.rowCount).toBe(1 + (await count('taskStatus=in_review')))
  expect(tasks!.getRow(2).getCell(1).type).toBe(ExcelJS.ValueType.String)
  expect(tasks!.getRow(2).getCell(2).value).toBeInstanceOf(Date)
  expect(facts!.getColumn(1).values).toContain('Taken')
})

test.each([
  ['a format it does not write', { view: '', format: 'pdf' }, 400, /format: csv or xlsx/],
  ['a column the board has not', { view: '', format: 'csv', columns: 'identifier,salary' }, 400, /salary/],
  ['a zone that is none', { view: '', format: 'csv', tz: 'Mars/Olympus' }, 400, /tz: not a time zone/],
  ['a view longer than a saved one', { view: 'q='.padEnd(4100, 'x'), format: 'csv' }, 400, /view: at most/],
])('refuses %s', async (_name, params, status, message) => {
  const response = await exportOf(params)
  expect(response.status).toBe(status)
  expect(JSON.stringify(await response.json())).toMatch(message)
})

test('refuses a cross-site request', async () => {
  const response = await exportOf({ view: '', format: 'csv' }, { 'sec-fetch-site': 'cross-site' })
  expect(response.status).toBe(403)
})

test('an export started with an id says how far it is and what it met, and can be cancelled, which cuts the file', async () => {
  const done = await exportOf({ view: 'tab=in_review', format: 'csv', columns: 'identifier', job: 'progress-one' })
  const { rows } = await csvLines(done)
  const read = await app.call('GET', '/app/export/progress?job=progress-one')
  expect(read.json).toEqual({ state: 'done', rows: rows.length - 1, expected: rows.length - 1, notes: [] })
  // The same id again is refused: it names one export.
  expect((await exportOf({ view: '', format: 'csv', job: 'progress-one' })).status).toBe(409)

  // Pages slowed down: the answer begins without the first one, and the dialog cancels it meanwhile.
  await fetch(`${app.demoOrigin}/__demo/faults`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ path: '/tasks/', delayMs: 4000, count: 3 }),
  })
  const slow = await exportOf({ view: 'tab=all', format: 'csv', first: 'true', job: 'progress-two' })
  expect(slow.status).toBe(200)
  expect((await app.call('GET', '/app/export/progress?job=progress-two')).json).toMatchObject({ state: 'running' })
  const cancel = await app.call('POST', '/app/export/cancel', { body: { job: 'progress-two' } })
  expect(cancel.json).toMatchObject({ state: 'cancelled' })
  await expect(slow.arrayBuffer()).rejects.toThrow()
  expect((await app.call('GET', '/app/export/progress?job=progress-two')).json).toMatchObject({ state: 'cancelled' })
  await fetch(`${app.demoOrigin}/__demo/faults`, { method: 'DELETE' })

  expect((await app.call('GET', '/app/export/progress?job=nobody-knows')).json).toEqual({ state: 'unknown' })
  expect((await app.call('POST', '/app/export/cancel', { body: { job: 'x' } })).status).toBe(400)
  const crossSite = await app.call('POST', '/app/export/cancel', {
    body: { job: 'progress-one' },
    headers: { origin: 'http://evil.example' },
  })
  expect(crossSite.status).toBe(403)
})

test('a browser that leaves mid-file frees its export: the file ends as cancelled, and the next exports go', async () => {
  await fetch(`${app.demoOrigin}/__demo/faults`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ path: '/tasks/', delayMs: 3000, count: 4 }),
  })
  const leaving = new AbortController()
  for (const job of ['leaving-one', 'leaving-two']) {
    const response = await exportOf({ view: 'tab=all', format: 'xlsx', first: 'true', job }, {}, leaving.signal)
    expect(response.status).toBe(200)
  }
  leaving.abort()
  await expect
    .poll(async () => (await app.call('GET', '/app/export/progress?job=leaving-two')).json, { timeout: 10_000 })
    .toMatchObject({ state: 'cancelled' })
  await fetch(`${app.demoOrigin}/__demo/faults`, { method: 'DELETE' })
  // Both slots are free again: two more exports at once are not refused.
  const next = await Promise.all([
    exportOf({ view: 'tab=in_review', format: 'csv' }),
    exportOf({ view: 'tab=in_review', format: 'csv' }),
  ])
  expect(next.map((response) => response.status)).toEqual([200, 200])
  await Promise.all(next.map((response) => response.arrayBuffer()))
})
