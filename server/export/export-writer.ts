import { once } from 'node:events'
import type { Writable } from 'node:stream'
import { stringify } from 'csv-stringify'
import ExcelJS from 'exceljs'
import { wallClockAsUtc } from '../../src/shared/zoned-time.ts'
import type { ExportCell } from './export-columns.ts'

export type ExportFormat = 'csv' | 'xlsx'

/** What a file says about itself after its rows: a label and a value per line. */
export type ExportFacts = readonly (readonly [label: string, value: string])[]

export interface ExportWriterOptions {
  format: ExportFormat
  /** The header row: the columns' names in the board's words. */
  headers: readonly string[]
  /** The zone the dates are written in: the dispatcher's. */
  timeZone: string
  /** CSV only: `;` where a spreadsheet's list separator is (German Excel), `,` otherwise. */
  separator?: ',' | ';'
  /** XLSX only: the names of the rows' sheet and of the facts' sheet. */
  sheets?: { rows: string; facts: string }
  /** Stops every wait for the stream (a cancel, a client gone): a destroyed answer never drains or finishes. */
  signal?: AbortSignal
}

/** Writes a file row by row into a stream, never holding it whole. */
export interface ExportWriter {
  row(cells: readonly ExportCell[]): Promise<void>
  /** Writes the facts (after the rows in a CSV, on a sheet of their own in an XLSX) and ends the file. */
  end(facts: ExportFacts): Promise<void>
}

/**
 * A cell a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, a tab, a
 * carriage return first) gets a `'` before it: shown as the text it is, run
 * never (OWASP's CSV injection). Every text cell goes through here, in both
 * formats, since an XLSX saved again as CSV carries its cells along.
 */
export function neutralise(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text
}

export function createExportWriter(out: Writable, options: ExportWriterOptions): ExportWriter {
  return options.format === 'csv' ? csvWriter(out, options) : xlsxWriter(out, options)
}

/** UTF-8 with a byte-order mark, so Excel reads the umlauts; dates as `2026-12-07 14:02` in the zone. */
function csvWriter(out: Writable, { headers, timeZone, separator = ',', signal }: ExportWriterOptions): ExportWriter {
  const csv = stringify({ bom: true, delimiter: separator, record_delimiter: 'windows' })
  csv.pipe(out)
  const wallClock = wallClockDate(timeZone)
  const write = async (record: readonly string[]) => {
    if (!csv.write(record)) await once(csv, 'drain', { signal })
  }
  const textOf = (cell: ExportCell) =>
    cell === null ? '' : 'text' in cell ? neutralise(cell.text) : formatWallClock(wallClock(cell.moment))
  let started = write(headers.map(neutralise))
  return {
    async row(cells) {
      await started
      started = write(cells.map(textOf))
      await started
    },
    async end(facts) {
      await started
      await write([])
      for (const [label, value] of facts) await write([neutralise(label), neutralise(value)])
      csv.end()
      await once(out, 'finish', { signal })
    },
  }
}

/** Typed cells: dates as dates (in the zone, as a spreadsheet has no zones), the rest as text. */
function xlsxWriter(
  out: Writable,
  { headers, timeZone, sheets = { rows: 'Tasks', facts: 'Export' }, signal }: ExportWriterOptions,
): ExportWriter {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false })
  const sheet = workbook.addWorksheet(sheets.rows, { views: [{ state: 'frozen', ySplit: 1 }] })
  sheet.columns = headers.map((header) => ({ header: neutralise(header), width: Math.max(12, header.length + 2) }))
  sheet.getRow(1).font = { bold: true }
  const wallClock = wallClockDate(timeZone)
  return {
    async row(cells) {
      const row = sheet.addRow(
        cells.map((cell) => (cell === null ? null : 'text' in cell ? neutralise(cell.text) : wallClock(cell.moment))),
      )
      cells.forEach((cell, index) => {
        if (cell !== null && 'moment' in cell) row.getCell(index + 1).numFmt = 'yyyy-mm-dd hh:mm'
      })
      row.commit()
      // Let the stream take what the row made before the next one is made.
      if (out.writableNeedDrain) await once(out, 'drain', { signal })
    },
    async end(facts) {
      sheet.commit()
      const about = workbook.addWorksheet(sheets.facts)
      about.columns = [{ width: 16 }, { width: 80 }]
      for (const [label, value] of facts) about.addRow([neutralise(label), neutralise(value)]).commit()
      about.commit()
      // exceljs waits for the stream to finish, which a destroyed answer never does.
      const cut = once(out, 'close', { signal }).then(() => {
        throw new Error('The answer closed before the file was whole.')
      })
      cut.catch(() => {})
      await Promise.race([workbook.commit(), cut])
    },
  }
}

/**
 * A moment as the wall clock in `timeZone` shows it, as a Date whose UTC
 * fields are that clock's: what a spreadsheet, which has no zones, shows.
 */
function wallClockDate(timeZone: string): (epochMs: number) => Date {
  return (epochMs) => new Date(wallClockAsUtc(epochMs, timeZone))
}

function formatWallClock(date: Date): string {
  return date.toISOString().slice(0, 16).replace('T', ' ')
}
