/** The words of the export dialog, in English: they load with its code, not with the first download. */
export const exportWordsEn = {
  exportDialog: {
    title: 'Export this view',
    counting: 'Counting the tasks of this view…',
    size: (count: string, requests: number) =>
      `${count} tasks, about ${requests} ${requests === 1 ? 'request' : 'requests'} to the tasks API.`,
    atLeast: (count: string) => `At least ${count} tasks.`,
    overCap: (count: string, cap: string) =>
      `${count} tasks: exports are capped at ${cap} (EXPORT_MAX_ROWS); narrow the view or export the first ${cap}.`,
    unknown: (cap: string) => `How many tasks this view has is not known; an export stops at ${cap}.`,
    sizeFailed: 'The number of tasks could not be had; an export still says in the file how many it wrote.',
    columns: (names: string) => `Columns, in their order: ${names}.`,
    csv: 'Download CSV',
    xlsx: 'Download Excel (XLSX)',
    firstCsv: (cap: string) => `First ${cap} as CSV`,
    firstXlsx: (cap: string) => `First ${cap} as Excel`,
    how: 'The file is made on the server from every page of the view and arrives as a download; here you see how far it is, and can cancel it. After the rows it records the view’s link, when it was taken, how many rows it holds and anything that changed while it was made.',
    close: 'Close',
    starting: 'The file is being made…',
    writing: (rows: string, expected: string | null) =>
      expected === null ? `Writing the file: ${rows} rows so far.` : `Writing the file: ${rows} of ${expected} rows.`,
    done: (rows: string) => `Done: ${rows} rows written.`,
    cancelled: 'Cancelled: the download is cut off and is no whole file.',
    failed: 'The export failed: the download is cut off and is no whole file.',
    cancel: 'Cancel',
  },
}
export type ExportWords = typeof exportWordsEn
