import type { ExportWords } from './en.ts'

export const exportWordsDe: ExportWords = {
  exportDialog: {
    title: 'Diese Ansicht exportieren',
    counting: 'Die Aufgaben dieser Ansicht werden gezählt…',
    size: (count, requests) =>
      `${count} Aufgaben, etwa ${requests} ${requests === 1 ? 'Anfrage' : 'Anfragen'} an die Aufgaben-API.`,
    atLeast: (count) => `Mindestens ${count} Aufgaben.`,
    overCap: (count, cap) =>
      `${count} Aufgaben: Exporte sind auf ${cap} begrenzt (EXPORT_MAX_ROWS); grenzen Sie die Ansicht ein oder exportieren Sie die ersten ${cap}.`,
    unknown: (cap) => `Wie viele Aufgaben diese Ansicht hat, ist nicht bekannt; ein Export endet bei ${cap}.`,
    sizeFailed: 'Die Zahl der Aufgaben war nicht zu erhalten; die Datei nennt trotzdem, wie viele Zeilen sie enthält.',
    columns: (names) => `Spalten, in ihrer Reihenfolge: ${names}.`,
    csv: 'CSV herunterladen',
    xlsx: 'Excel (XLSX) herunterladen',
    firstCsv: (cap) => `Die ersten ${cap} als CSV`,
    firstXlsx: (cap) => `Die ersten ${cap} als Excel`,
    how: 'Die Datei entsteht auf dem Server aus allen Seiten der Ansicht und kommt als Download; hier sehen Sie, wie weit sie ist, und können sie abbrechen. Nach den Zeilen nennt sie den Link der Ansicht, den Zeitpunkt, die Zahl der Zeilen und was sich währenddessen geändert hat.',
    close: 'Schließen',
    starting: 'Die Datei entsteht…',
    writing: (rows, expected) =>
      expected === null
        ? `Die Datei wird geschrieben: bisher ${rows} Zeilen.`
        : `Die Datei wird geschrieben: ${rows} von ${expected} Zeilen.`,
    done: (rows) => `Fertig: ${rows} Zeilen geschrieben.`,
    cancelled: 'Abgebrochen: der Download ist abgeschnitten und keine vollständige Datei.',
    failed: 'Der Export ist fehlgeschlagen: der Download ist abgeschnitten und keine vollständige Datei.',
    cancel: 'Abbrechen',
  },
}
