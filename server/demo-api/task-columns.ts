import type { DemoTask, DemoTaskType, RelatedEntity, TaskRelations } from './entities.ts'

/**
 * The filterable fields of all tasks as columns of small integer codes,
 * built once at start-up. Filtering a hundred thousand tasks by walking the
 * task objects costs a cache miss or several per task (task → related →
 * list → entity → id); reading a code from a compact typed array costs
 * almost nothing, so a request stays well under 100 ms even when it has to
 * look at every task.
 */

/** One value (or none) per task. */
export interface CodedColumn {
  /** The code of task `i`'s value, or -1 when it has none. */
  codes: Int32Array
  /** Codes by value; a value no task has has no code. */
  codeOf: ReadonlyMap<string, number>
}

/** A list of values per task: task `i`'s codes are `codes[offsets[i]]` up to `codes[offsets[i + 1]]`. */
export interface CodedListColumn {
  offsets: Int32Array
  codes: Int32Array
  codeOf: ReadonlyMap<string, number>
}

export interface TaskColumns {
  assignee: CodedColumn
  taskType: CodedColumn
  taskStatus: CodedColumn
  priority: CodedColumn
  callId: CodedColumn
  /** `status.status`, the entity state, as text ("1", "2"). */
  entityStatus: CodedColumn
  /** 1 where the task comes from a recurring template. */
  recurring: Uint8Array
  identifierNumber: Float64Array
  /** Codes into `lowerTitles`: titles repeat, so a search tests each distinct one once. */
  title: CodedColumn
  lowerTitles: readonly string[]
  /** The lowercased prefix of each task type, by its code in `taskType`. */
  lowerPrefixes: readonly string[]
  related: Readonly<Record<keyof TaskRelations, CodedListColumn>>
}

export function buildTaskColumns(tasks: readonly DemoTask[], taskTypes: readonly DemoTaskType[]): TaskColumns {
  const count = tasks.length
  const recurring = new Uint8Array(count)
  const identifierNumber = new Float64Array(count)
  tasks.forEach((task, index) => {
    recurring[index] = task.taskTemplate?.recurring === true ? 1 : 0
    identifierNumber[index] = task.identifierNumber
  })
  const title = codedColumn(tasks, (task) => task.title.toLowerCase())
  const taskType = codedColumn(tasks, (task) => task.taskTypeId)
  const prefixById = new Map(taskTypes.map((type) => [type._id, type.prefix.toLowerCase()]))
  return {
    assignee: codedColumn(tasks, (task) => task.assignee?.entityId),
    taskType,
    taskStatus: codedColumn(tasks, (task) => task.taskStatus),
    priority: codedColumn(tasks, (task) => task.priority),
    callId: codedColumn(tasks, (task) => task.callId),
    entityStatus: codedColumn(tasks, (task) => String(task.status.status)),
    recurring,
    identifierNumber,
    title,
    lowerTitles: valuesByCode(title),
    lowerPrefixes: valuesByCode(taskType).map((id) => prefixById.get(id) ?? ''),
    related: {
      customers: codedListColumn(tasks, (task) => task.related.customers),
      objects: codedListColumn(tasks, (task) => task.related.objects),
      contacts: codedListColumn(tasks, (task) => task.related.contacts),
      users: codedListColumn(tasks, (task) => task.related.users),
      assignments: codedListColumn(tasks, (task) => task.related.assignments),
      invoices: codedListColumn(tasks, (task) => task.related.invoices),
      equipment: codedListColumn(tasks, (task) => task.related.equipment),
    },
  }
}

function codedColumn(tasks: readonly DemoTask[], valueOf: (task: DemoTask) => string | null | undefined): CodedColumn {
  const codeOf = new Map<string, number>()
  const codes = new Int32Array(tasks.length)
  tasks.forEach((task, index) => {
    const value = valueOf(task)
    codes[index] = typeof value === 'string' ? codeFor(codeOf, value) : -1
  })
  return { codes, codeOf }
}

function codedListColumn(
  tasks: readonly DemoTask[],
  listOf: (task: DemoTask) => readonly RelatedEntity[],
): CodedListColumn {
  const codeOf = new Map<string, number>()
  const offsets = new Int32Array(tasks.length + 1)
  const codes: number[] = []
  tasks.forEach((task, index) => {
    const list = listOf(task)
    for (let position = 0; position < list.length; position += 1) codes.push(codeFor(codeOf, list[position]!.entityId))
    offsets[index + 1] = codes.length
  })
  return { offsets, codes: Int32Array.from(codes), codeOf }
}

function codeFor(codeOf: Map<string, number>, value: string): number {
  let code = codeOf.get(value)
  if (code === undefined) {
    code = codeOf.size
    codeOf.set(value, code)
  }
  return code
}

function valuesByCode({ codeOf }: CodedColumn): string[] {
  const values: string[] = []
  for (const [value, code] of codeOf) values[code] = value
  return values
}
