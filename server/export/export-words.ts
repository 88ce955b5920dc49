/** The words of an export's file, in the board's two languages; the cells' words are the board's own catalogues. */
export const EXPORT_WORDS = {
  en: {
    rowsSheet: 'Tasks',
    factsSheet: 'Export',
    view: 'View',
    taken: 'Taken',
    rows: 'Rows',
    counted: 'Counted before',
    leftOut: 'Left out of the link',
    notes: 'Notes',
    repeated: (count: number) => `${count} tasks came twice while paging and are written once`,
    changedMeanwhile: (count: number) => `${count} tasks changed while the export ran; they are as they were when read`,
    unreadable: (count: number) => `${count} rows could not be read as tasks and are left out`,
    capped: (cap: number) => `Cut at ${cap} tasks (EXPORT_MAX_ROWS): the view has more`,
    fewer: (rows: number, counted: number) => `${rows} tasks written where ${counted} were counted before`,
    none: 'Nothing was left out.',
    filename: 'tasks',
  },
  de: {
    rowsSheet: 'Aufgaben',
    factsSheet: 'Export',
    view: 'Ansicht',
    taken: 'Erstellt',
    rows: 'Zeilen',
    counted: 'Vorher gezählt',
    leftOut: 'Aus dem Link weggelassen',
    notes: 'Hinweise',
    repeated: (count: number) => `${count} Aufgaben kamen beim Blättern doppelt und stehen einmal da`,
    changedMeanwhile: (count: number) =>
      `${count} Aufgaben wurden während des Exports geändert; sie stehen da, wie sie gelesen wurden`,
    unreadable: (count: number) => `${count} Zeilen waren nicht als Aufgaben lesbar und fehlen`,
    capped: (cap: number) => `Bei ${cap} Aufgaben abgeschnitten (EXPORT_MAX_ROWS): die Ansicht hat mehr`,
    fewer: (rows: number, counted: number) => `${rows} Aufgaben geschrieben, vorher ${counted} gezählt`,
    none: 'Nichts wurde weggelassen.',
    filename: 'aufgaben',
  },
} as const

export type ExportLanguage = keyof typeof EXPORT_WORDS
