/** The words of the workload page, in English: they load with its code, not with the first download. */
export const workloadWordsEn = {
  workloadPage: {
    title: 'Workload',
    toBoard: 'Back to the tasks',
    tableLabel: 'Active tasks per assignee',
    columns: {
      name: 'Assignee',
      active: 'Active',
      overdue: 'Overdue',
      dueToday: 'Due today',
      dueThisWeek: 'Due this week',
    },
    figuresFrom: (time: string) => `Figures from ${time}`,
    truncated: (covered: string) => `These figures cover the first ${covered} active tasks only.`,
    stale: {
      rateLimited: (time: string) => `The tasks API asked to wait. Showing the figures from ${time}.`,
      unavailable: (time: string) => `The tasks API did not answer. Showing the figures from ${time}.`,
    },
    refreshFailed: (time: string) => `The figures could not be refreshed. Showing those from ${time}.`,
    cellLabel: (count: string, column: string, name: string) => `${count} ${column}, ${name}`,
    daySheet: 'Day sheet',
    daySheetFor: (name: string) => `Day sheet of ${name}`,
    dueSlices: 'A due figure opens the person’s active tasks, soonest due first.',
    keys: 'j and k move between people; Enter opens their tasks.',
    empty: 'No active tasks match these filters.',
  },
}

export type WorkloadWords = typeof workloadWordsEn
