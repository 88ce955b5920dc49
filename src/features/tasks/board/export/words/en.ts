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
    how: 'The file is made on the server from every page of the view and arrives as a download: your browser shows its progress and can cancel it. After the rows it records the view’s link, when it was taken, how many rows it holds and anything that changed while it was made.',
    close: 'Close',
  },
}
export type ExportWords = typeof exportWordsEn
