import { execFile } from 'node:child_process'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { startApp, type InProcessApp } from '../testing/start-app.ts'

const run = promisify(execFile)
const ROWS = 10_000

let app: InProcessApp
let dir: string
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'export-read-back-'))
  app = await startApp({ demo: { taskCount: ROWS }, env: { COUNT_BUDGET_PER_MINUTE: '10000' } })
}, 120_000)
afterAll(async () => {
  await app.stop()
  await rm(dir, { recursive: true, force: true })
})

test(
  'a 10,000-row XLSX opens in LibreOffice Calc with every row, the identifier as text and the dates as dates',
  { timeout: 300_000 },
  async () => {
    const params = new URLSearchParams({
      view: 'tab=all',
      format: 'xlsx',
      columns: 'identifier,title,createdAt',
      tz: 'Europe/Berlin',
    })
    const response = await fetch(`${app.url}/app/export?${params.toString()}`)
    expect(response.status).toBe(200)
    const file = join(dir, 'tasks.xlsx')
    await writeFile(file, Buffer.from(await response.arrayBuffer()))

    // Calc reads the workbook and writes it again as a flat OpenDocument file: what Calc understood, as XML.
    await run(
      process.env.SOFFICE_PATH ?? 'soffice',
      [
        `-env:UserInstallation=file://${join(dir, 'profile')}`,
        '--headless',
        '--convert-to',
        'fods',
        '--outdir',
        dir,
        file,
      ],
      { timeout: 240_000 },
    )
    const flat = await readFile(join(dir, 'tasks.fods'), 'utf8')
    const [tasks] = flat.split('</table:table>') as [string]
    // Every row with something in it (Calc writes the empty rest of the sheet as one repeated empty row).
    const rows = tasks.split('<table:table-row').filter((row) => row.includes('<text:p>'))
    expect(rows).toHaveLength(1 + ROWS)
    expect(rows[0]).toContain('<text:p>Task</text:p>')
    const dataRows = rows.slice(1)
    expect(dataRows.every((row) => /office:value-type="date"/.test(row))).toBe(true)
    expect(dataRows.every((row) => row.includes(`office:value-type="string"`))).toBe(true)
    expect(dataRows[0]).toMatch(/<text:p>[A-Z]+-\d+<\/text:p>/)
  },
)
