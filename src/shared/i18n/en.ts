import type { JsonKind, ListName } from '../api-error.ts'

const status = {
  new: 'New',
  open: 'Open',
  in_progress: 'In progress',
  in_review: 'In review',
  completed: 'Completed',
  cancelled: 'Cancelled',
}

const JSON_KINDS: Record<JsonKind, string> = {
  null: 'null',
  list: 'a list',
  object: 'an object',
  string: 'a string',
  number: 'a number',
  boolean: 'a boolean',
}

/** Kinds the app server names in its marker for a value of the wrong kind. */
const UNREADABLE_KINDS: Partial<Record<string, string>> = {
  string: 'a text',
  number: 'a number',
  boolean: 'a yes/no value',
  object: 'an object',
  array: 'a list',
  incomplete: 'an incomplete entry',
}

/**
 * Every word the board shows, in English, but those of saved views and sign-in
 * (`features/views/words/`), which load with their code. The German catalogue
 * has the same shape (`Messages`).
 */
export const en = {
  locale: 'en',
  board: {
    title: 'Tasks',
    tabsLabel: 'Task status',
    loading: 'Loading tasks…',
    shortcuts: 'Shortcuts',
    export: 'Export',
    daySheet: 'Day sheet',
    pastTheEnd: (page: number) => `Page ${page} is past the end of this list.`,
    firstPage: 'Go to the first page',
    noMatches: 'No tasks match these filters.',
    clearFilters: 'Clear filters',
    emptyTab: 'No tasks in this tab.',
    taskList: 'The task list',
    updatedAgo: (seconds: number) =>
      seconds < 60 ? `Updated ${seconds} s ago` : `Updated ${Math.floor(seconds / 60)} min ago`,
    newRows: (added: number, removed: number) =>
      [added > 0 && `${added} new`, removed > 0 && `${removed} changed`].filter(Boolean).join(' · '),
    show: 'Show',
    offline: 'You are offline. The board shows what it last loaded and updates by itself when the connection is back.',
    skipped: (count: number) => (count === 1 ? '1 task could not be shown.' : `${count} tasks could not be shown.`),
    why: 'Why?',
    skippedReason: 'The server sent data the board cannot read.',
    theme: 'Colour theme',
    themes: { system: 'Theme: system', light: 'Theme: light', dark: 'Theme: dark' },
    language: 'Language',
    // The saved views' button stands in before their code (and words) arrive.
    views: 'Views',
    // Beside the name of who is signed in, on every board.
    signOut: 'Sign out',
  },
  // A status tab is named after its status.
  tabs: { active: 'Active', ...status, all: 'All' },
  status,
  priority: { urgent: 'Urgent', high: 'High', medium: 'Medium', low: 'Low' },
  columns: {
    identifier: 'Task',
    title: 'Title',
    taskStatus: 'Status',
    assignee: 'Assignee',
    priority: 'Priority',
    dueDate: 'Due',
    tags: 'Tags',
    createdAt: 'Created',
    updatedAt: 'Updated',
    type: 'Type',
    customer: 'Customer',
    object: 'Object',
    contactPerson: 'Contact person',
    email: 'Email',
    telephone: 'Telephone',
    template: 'Recurring template',
  },
  columnMenu: { button: 'Columns', more: 'More columns', rows: 'Rows', comfortable: 'Comfortable', compact: 'Compact' },
  cells: {
    unassigned: 'Unassigned',
    none: '—',
    overdueToday: (amount: string, time: string) => `overdue ${amount} · ${time}`,
    // The short unit ("18d") keeps the clock time, the part a dispatcher acts on, in a narrow column.
    overdueDays: (amount: string, time: string) => `overdue ${amount} · ${time}`,
    today: (time: string) => `today · ${time}`,
  },
  pager: {
    label: 'Pages',
    loading: 'Loading…',
    none: 'No rows',
    range: (first: number, last: number) => `Rows ${first}–${last}`,
    of: (total: number) => ` of ${total}`,
    pageOf: (page: number, pages: number) => ` · page ${page} of ${pages}`,
    size: 'Rows per page',
    previous: 'Previous',
    next: 'Next',
  },
  search: { label: 'Search tasks by title or number', placeholder: 'Search title or number, e.g. REC-1042   /' },
  copy: {
    link: 'Copy link',
    taskLink: 'Copy link to this task',
    copied: 'Link copied',
    failed: 'Could not copy',
  },
  filters: {
    group: 'Filters',
    assignee: 'Assignee',
    priority: 'Priority',
    type: 'Type',
    customer: 'Customer',
    recurring: 'Recurring',
    recurringAny: 'Recurring: any',
    recurringOnly: 'Recurring only',
    notRecurring: 'Not recurring',
    unassigned: 'Unassigned',
    me: 'Me',
    searchIn: (what: string) => `Search ${what.toLowerCase()}`,
    searchPlaceholder: 'Search…',
    loading: 'Loading…',
    noOptions: 'No options',
    typeToSearchCustomers: 'Type to search customers',
    noCustomer: 'No customer matches',
    active: 'Active filters',
    searchChip: (text: string) => `Search: ${text}`,
    changedChip: (time: string) => `Changed since ${time}`,
    chip: (what: string, value: string) => `${what}: ${value}`,
    remove: (chip: string) => `Remove ${chip}`,
    clearAll: 'Clear all',
  },
  ignored: {
    title: 'Some parts of this link could not be used and were left out:',
    dismiss: 'Dismiss',
    reasons: {
      repeated: 'given more than once',
      'not-a-tab': 'not a tab',
      'too-long': 'too long',
      'not-a-user': 'not a user',
      'not-a-priority': 'not a priority',
      'not-a-type': 'not a task type id',
      'not-a-customer': 'not a customer id',
      'not-a-boolean': 'neither true nor false',
      'not-a-time': 'not a date and time',
      'not-a-sort': 'not a sortable column with :asc or :desc',
      'not-a-page': 'not a page number',
      'not-a-size': 'not one of the page sizes',
      'too-many': 'too many values',
    },
  },
  errors: {
    generic: 'Something went wrong while loading tasks.',
    network: 'The task server could not be reached.',
    networkHint: 'Check the connection, then retry.',
    timeout: 'The task server is taking too long to answer.',
    unexpected: 'The task server sent an unexpected response.',
    unauthorized: 'The API key is missing or not valid.',
    forbidden: 'This API key may not read tasks.',
    notFound: 'The task server does not know this address.',
    rateLimited: 'The task server is busy and asked us to slow down.',
    badRequest: 'The task server rejected this view.',
    server: (status: number) => `The task server had a problem (${status}).`,
    other: (status: number) => `The task server answered with an error (${status}).`,
    /** Our own account of a failure (ApiError's `reason`), shown under the title. */
    reasons: {
      timeout: (seconds: number) => `The server did not answer within ${seconds} seconds.`,
      notJson: (contentType: string | null) =>
        `The server sent a response that is not JSON (${contentType ?? 'no content type'}).`,
      notAList: (found: JsonKind, what: ListName) =>
        `The server sent ${JSON_KINDS[found]} where a list of ${what} was expected.`,
      noReadableRows: (count: number, what: ListName) => `None of the ${count} ${what} in the response could be read.`,
      unreadableItem: (what: 'task' | 'user') => `The server sent a ${what} that could not be read.`,
    },
    retry: 'Retry',
    render: (what: string) => `${what} could not be displayed.`,
    tryAgain: 'Try again',
  },
  detail: {
    /** What failed, in "… could not be displayed". */
    theTask: 'The task',
  },
  keys: {
    title: 'Keyboard shortcuts',
    dismiss: 'Close',
    or: ' or ',
    next: 'Next task (past the last: next page)',
    previous: 'Previous task (before the first: previous page)',
    open: 'Open the focused task',
    close: 'Close the task or a menu; clear the picked tasks',
    search: 'Search',
    help: 'Show these shortcuts',
    editStatus: 'Change the status of the focused task, or of the picked ones',
    editPriority: 'Change the priority of the focused task, or of the picked ones',
    editAssignee: 'Assign the focused task, or the picked ones',
    editDue: 'Change the due date of the focused task, or of the picked ones',
    select: 'Pick the focused task for a change on many (shift-click picks every row up to one)',
    menu: 'The focused task’s menu of changes (or right-click a row)',
    views: 'Open saved views',
  },
  unreadable: {
    label: 'unreadable',
    /** What arrived instead, for the tooltip and the task panel. */
    sent: (kind: string, raw: string | null) => {
      const what = UNREADABLE_KINDS[kind] ?? 'a value of another kind'
      return raw === null ? `The server sent ${what} here.` : `The server sent ${what} here: “${raw}”.`
    },
    tasks: (count: number) =>
      count === 1
        ? '1 task has values the board could not read.'
        : `${count} tasks have values the board could not read.`,
  },
  counts: {
    atLeast: (count: string) => `at least ${count}`,
    asOf: (count: string, time: string) => `about ${count}, as of ${time}`,
  },
  workload: {
    link: 'Workload',
    loading: 'Loading the workload…',
  },
  pages: {
    notFound: 'Page not found',
    toBoard: 'Go to the task board',
    broken: 'Something went wrong',
    reload: 'Reload this view',
    openingView: 'Opening the saved view…',
  },
  layout: {
    resizeColumn: (column: string) => `Width of column ${column}`,
    filters: 'Filters',
    // After the count on the Filters button: "Filters 2 active".
    activeFilters: 'active',
    settings: 'Settings',
  },
  // Parts of the board whose code is fetched when first used, when that fetch fails (offline since the page loaded).
  lazyParts: {
    viewsFailed: 'Saved views could not be loaded. Check the connection and press Views again.',
    signInFailed: 'The sign-in form could not be loaded. Check the connection and retry.',
    loading: 'Loading…',
  },
}

export type Messages = typeof en
