import { PassThrough } from 'node:stream'
import { buffer } from 'node:stream/consumers'
import ExcelJS from 'exceljs'
import { expect, test } from 'vitest'
import type { ExportCell } from './export-columns.ts'
import { createExportWriter, neutralise, type ExportWriterOptions } from './export-writer.ts'

const HOSTILE = ['=HYPERLINK("http://evil.example","Click")', '+1+1', '-2+3', '@SUM(A1)', '\tTAB', '\rCR']
// 14:02 in Berlin on a winter day: 13:02 UTC.
const MOMENT = Date.UTC(2026, 11, 7, 13, 2)

async function written(options: Omit<ExportWriterOptions, 'headers' | 'timeZone'>, rows: ExportCell[][]) {
  const out = new PassThrough()
  const file = buffer(out)
  const writer = createExportWriter(out, { headers: ['Task', 'Due', '=Title'], timeZone: 'Europe/Berlin', ...options })
  for (const row of rows) await writer.row(row)
  await writer.end([
    ['View', 'http://board.example/tasks?q=%3D1'],
    ['Rows', String(rows.length)],
  ])
  return file
}

test('a cell a spreadsheet would run is shown as text, and only such a cell', () => {
  for (const text of HOSTILE) expect(neutralise(text)).toBe(`'${text}`)
  for (const text of ['REC-1042', 'Heizung = kaputt', '1+1', ' =x', '']) expect(neutralise(text)).toBe(text)
})

test('CSV: a byte-order mark, the separator asked for, dates in the zone, formulas neutralised, the facts after', async () => {
  const rows: ExportCell[][] = HOSTILE.map((text, index) => [{ text: `REC-${index}` }, { moment: MOMENT }, { text }])
  const file = await written({ format: 'csv', separator: ';' }, [...rows, [{ text: 'REC-9' }, null, null]])
  expect([...file.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
  const lines = file.toString('utf8').slice(1).split('\r\n')
  expect(lines[0]).toBe("Task;Due;'=Title")
  expect(lines[1]).toBe(`REC-0;2026-12-07 14:02;"'=HYPERLINK(""http://evil.example"",""Click"")"`)
  expect(lines[2]).toBe("REC-1;2026-12-07 14:02;'+1+1")
  expect(lines[4]).toBe("REC-3;2026-12-07 14:02;'@SUM(A1)")
  expect(lines[5]).toBe(`REC-4;2026-12-07 14:02;'\tTAB`)
  expect(lines).toContain('REC-9;;')
  expect(lines.slice(-3)).toEqual(['View;http://board.example/tasks?q=%3D1', 'Rows;7', ''])
  // With a comma for the separator, a comma in a cell is quoted.
  const comma = (await written({ format: 'csv' }, [[{ text: 'a,b' }, null, null]])).toString('utf8')
  expect(comma).toContain('"a,b",,')
})

test('XLSX: typed dates in the zone, the identifier as text, formulas neutralised, the facts on a sheet of their own', async () => {
  const rows: ExportCell[][] = HOSTILE.map((text) => [{ text: '4711' }, { moment: MOMENT }, { text }])
  const file = await written({ format: 'xlsx', sheets: { rows: 'Aufgaben', facts: 'Export' } }, rows)
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(file as unknown as ArrayBuffer)
  const [sheet, facts] = workbook.worksheets
  expect(sheet!.name).toBe('Aufgaben')
  expect(sheet!.rowCount).toBe(1 + HOSTILE.length)
  expect(sheet!.getRow(1).values).toEqual([undefined, 'Task', 'Due', "'=Title"])
  const first = sheet!.getRow(2)
  expect(first.getCell(1).value).toBe('4711')
  expect(first.getCell(2).value).toEqual(new Date(Date.UTC(2026, 11, 7, 14, 2)))
  expect(first.getCell(2).numFmt).toBe('yyyy-mm-dd hh:mm')
  // XML reads a carriage return back as a line feed; the cell stays text either way.
  expect(sheet!.getColumn(3).values.slice(2)).toEqual(HOSTILE.map((text) => `'${text}`.replace('\r', '\n')))
  for (const row of sheet!.getRows(2, HOSTILE.length)!) expect(row.getCell(3).type).toBe(ExcelJS.ValueType.String)
  expect(facts!.name).toBe('Export')
  expect(facts!.getRow(2).values).toEqual([undefined, 'Rows', String(HOSTILE.length)])
})
