import { readFile } from 'node:fs/promises'
import type { Page } from '@playwright/test'
import ExcelJS from 'exceljs'
import { expect, expectAppRunning, test } from './fixtures.ts'
import { listAllTasks } from './support/demo-tasks.ts'

/** Opens Export on the board, checks what it says before anything is read, and downloads the file of `link`. */
async function download(page: Page, before: RegExp, link: RegExp): Promise<{ name: string; bytes: Buffer }> {
  await page.getByRole('button', { name: /^(Export|Exportieren)$/ }).click()
  const dialog = page.getByRole('dialog')
  await expect(dialog.getByRole('status')).toHaveText(before)
  const started = page.waitForEvent('download')
  await dialog.getByRole('link', { name: link }).click()
  const file = await started
  return { name: file.suggestedFilename(), bytes: await readFile(await file.path()) }
}

/** A CSV's rows and its facts (after the blank line), without the byte-order mark. */
function readCsv(bytes: Buffer, separator: string) {
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
  const [rows, facts] = bytes.subarray(3).toString('utf8').split('\r\n\r\n') as [string, string]
  return {
    rows: rows.split('\r\n'),
    facts: new Map(
      facts
        .split('\r\n')
        .filter(Boolean)
        .map((line) => [line.slice(0, line.indexOf(separator)), line.slice(line.indexOf(separator) + 1)]),
    ),
  }
}

test('the view on screen as CSV: its every task, the columns as the table shows them, the file saying what it is', async ({
  page,
  request,
  baseURL,
}) => {
  test.setTimeout(60_000)
  const tasks = await listAllTasks(request, 'taskStatus=open&priority=urgent')
  await page.goto('/tasks?tab=open&priority=urgent')
  await expectAppRunning(page)
  // The headers' names, without the sort arrows beside them.
  const headers = (await page.getByRole('columnheader').allTextContents()).map((text) =>
    text.replace(/[↕↑↓]/g, '').trim(),
  )
  const { name, bytes } = await download(
    page,
    // One page, and the empty one that ends the paging.
    new RegExp(`^${tasks.length} tasks, about 2 requests to the tasks API\\.$`),
    /^Download CSV$/,
  )
  expect(name).toMatch(/^tasks-\d{4}-\d\d-\d\d\.csv$/)
  const { rows, facts } = readCsv(bytes, ',')
  expect(rows[0]!.split(',')).toEqual(headers)
  expect(rows).toHaveLength(1 + tasks.length)
  expect(facts.get('View')).toBe(`${baseURL}/tasks?tab=open&priority=urgent`)
  expect(facts.get('Rows')).toBe(String(tasks.length))
  expect(facts.get('Notes')).toBe('Nothing was left out.')
  // The dialog followed the file to its end.
  await expect(page.getByRole('dialog').getByRole('status').last()).toHaveText(`Done: ${tasks.length} rows written.`)
  // The board stays as it was: the dialog closes, the rows are there.
  await page.getByRole('button', { name: 'Close' }).click()
  await expect(page.getByTestId('task-row').first()).toBeVisible()
})

test.describe('a German browser', () => {
  test.use({ locale: 'de-DE', timezoneId: 'Europe/Berlin' })

  test('a view of thousands of tasks as Excel, read from every page by the server, in German with dates as dates', async ({
    page,
    request,
  }) => {
    test.setTimeout(90_000)
    const tasks = await listAllTasks(request, 'priority=low,medium')
    expect(tasks.length).toBeGreaterThan(2000)
    await page.goto('/tasks?tab=all&priority=low,medium')
    await expectAppRunning(page)
    const count = tasks.length.toLocaleString('de')
    const { name, bytes } = await download(
      page,
      new RegExp(
        `^${count.replace('.', '\\.')} Aufgaben, etwa ${Math.ceil(tasks.length / 1000) + 1} Anfragen an die Aufgaben-API\\.$`,
      ),
      /^Excel \(XLSX\) herunterladen$/,
    )
    expect(name).toMatch(/^aufgaben-\d{4}-\d\d-\d\d\.xlsx$/)
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer)
    const [sheet, facts] = workbook.worksheets
    expect(sheet!.name).toBe('Aufgaben')
    expect(sheet!.getRow(1).values).toEqual([
      undefined,
      'Aufgabe',
      'Titel',
      'Status',
      'Zuständig',
      'Priorität',
      'Fällig',
      'Schlagwörter',
      'Erstellt',
    ])
    expect(sheet!.rowCount).toBe(1 + tasks.length)
    const ids = new Set(sheet!.getColumn(1).values.slice(2))
    expect(ids.size).toBe(tasks.length)
    expect(sheet!.getRow(2).getCell(8).value).toBeInstanceOf(Date)
    expect(['Niedrig', 'Mittel']).toContain(sheet!.getRow(2).getCell(5).value)
    expect(facts!.getColumn(1).values).toContain('Zeilen')
    await expect(page.getByRole('dialog').getByRole('status').last()).toHaveText(`Fertig: ${count} Zeilen geschrieben.`)
  })
})

test('a mangled link exports the view the board shows, and the file names what was left out', async ({ page }) => {
  await page.goto('/tasks?tab=bogus&priority=urgent&recurring=maybe')
  await expectAppRunning(page)
  await expect(page.getByText('Some parts of this link could not be used')).toBeVisible()
  const { bytes } = await download(page, /^\d+ tasks, about 2 requests to the tasks API\.$/, /^Download CSV$/)
  const { rows, facts } = readCsv(bytes, ',')
  expect(rows.slice(1).every((row) => row.includes(',Urgent,'))).toBe(true)
  expect(facts.get('View')).toMatch(/\/tasks\?priority=urgent$/)
})
