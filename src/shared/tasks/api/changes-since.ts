/*
 * "Changed since you looked": the API has no filter by time of change, so a
 * list is asked newest change first and read down to the moment. One rule
 * here for the board's list (which rows it keeps) and the app server's
 * figure (how many it counts).
 */

/** A task's last change and its creation (epoch ms; null when the API sent none that can be read). */
export interface ChangeMarks {
  modified: number | null
  created: number | null
}

/** Whether a task changed after `since`; one whose time of change cannot be read did not, as far as anyone can tell. */
export function changedAfter(modified: number | null, since: number): boolean {
  return modified !== null && modified > since
}

/** What changed since a moment: tasks made since (`new`), and others changed since (`changed`). */
export interface ChangeTally {
  new: number
  changed: number
  /** Every task read changed since: more may have, beyond what was read. */
  more: boolean
}

/**
 * Tallies the changes since `since` in a list read newest change first.
 * `whole` says the list is every task of the view; else a list that changed
 * all the way down may go on.
 */
export function tallyChanges(marks: readonly ChangeMarks[], since: number, whole: boolean): ChangeTally {
  const tally: ChangeTally = { new: 0, changed: 0, more: false }
  for (const { modified, created } of marks) {
    if (!changedAfter(modified, since)) return tally
    if (created !== null && created > since) tally.new += 1
    else tally.changed += 1
  }
  tally.more = !whole && marks.length > 0
  return tally
}
