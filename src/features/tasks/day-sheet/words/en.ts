/** The words of the day sheet, in English: they load with its code, not with the first download. */
export const daySheetWordsEn = {
  daySheet: {
    title: (name: string) => `Day sheet: ${name}`,
    period: (from: string, to: string) => (from === to ? from : `${from} – ${to}`),
    printed: (time: string) => `Printed ${time}`,
    print: 'Print',
    oneDay: 'One day',
    week: 'A week',
    back: 'Back to the tasks',
    loading: 'Loading the tasks…',
    overdue: 'Overdue',
    count: (count: number) => (count === 1 ? '1 task' : `${count} tasks`),
    none: 'No tasks due.',
    noDue: 'Tasks without a due date are on no day sheet.',
    customer: 'Customer',
    object: 'Object',
    contact: 'Contact',
    priority: 'Priority',
    notes: 'Notes',
    due: 'Due',
    unknown: 'Unknown person',
    failed: 'The tasks could not be loaded.',
    badLink: 'This link names no person. Open a day sheet from the workload, or from a board of one person.',
  },
}
export type DaySheetWords = typeof daySheetWordsEn
