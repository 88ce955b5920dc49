/** The most tasks one change on many tasks (a job) takes: the board never picks more. */
export const MAX_JOB_TASKS = 1000
