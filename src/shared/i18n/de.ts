import type { JsonKind, ListName } from '../api-error.ts'
import type { Messages } from './en.ts'

const status: Messages['status'] = {
  new: 'Neu',
  open: 'Offen',
  in_progress: 'In Arbeit',
  in_review: 'In Prüfung',
  completed: 'Erledigt',
  cancelled: 'Storniert',
}

/** Kinds the app server names in its marker for a value of the wrong kind. */
const UNREADABLE_KINDS: Partial<Record<string, string>> = {
  string: 'einen Text',
  number: 'eine Zahl',
  boolean: 'einen Ja/Nein-Wert',
  object: 'ein Objekt',
  array: 'eine Liste',
  incomplete: 'einen unvollständigen Eintrag',
}

const JSON_KINDS: Record<JsonKind, string> = {
  null: 'null',
  list: 'eine Liste',
  object: 'ein Objekt',
  string: 'einen Text',
  number: 'eine Zahl',
  boolean: 'einen Wahrheitswert',
}

const LISTS: Record<ListName, string> = {
  tasks: 'Aufgaben',
  'task types': 'Aufgabentypen',
  users: 'Benutzern',
  customers: 'Kunden',
}

/** Every word the board shows, in German, but those of saved views and sign-in. */
export const de: Messages = {
  locale: 'de',
  board: {
    title: 'Aufgaben',
    tabsLabel: 'Aufgabenstatus',
    loading: 'Aufgaben werden geladen …',
    shortcuts: 'Tastenkürzel',
    export: 'Exportieren',
    daySheet: 'Tagesblatt',
    pastTheEnd: (page) => `Seite ${page} liegt hinter dem Ende dieser Liste.`,
    firstPage: 'Zur ersten Seite',
    noMatches: 'Keine Aufgaben passen zu diesen Filtern.',
    clearFilters: 'Filter zurücksetzen',
    emptyTab: 'Keine Aufgaben in diesem Reiter.',
    taskList: 'Die Aufgabenliste',
    updatedAgo: (seconds) =>
      seconds < 60 ? `Aktualisiert vor ${seconds} s` : `Aktualisiert vor ${Math.floor(seconds / 60)} min`,
    newRows: (added, removed) =>
      [added > 0 && `${added} neu`, removed > 0 && `${removed} geändert`].filter(Boolean).join(' · '),
    show: 'Anzeigen',
    offline:
      'Sie sind offline. Die Liste zeigt den zuletzt geladenen Stand und aktualisiert sich, sobald die Verbindung zurück ist.',
    skipped: (count) =>
      count === 1 ? '1 Aufgabe konnte nicht angezeigt werden.' : `${count} Aufgaben konnten nicht angezeigt werden.`,
    why: 'Warum?',
    skippedReason: 'Der Server hat Daten gesendet, die die Liste nicht lesen kann.',
    theme: 'Farbschema',
    themes: { system: 'Schema: System', light: 'Schema: hell', dark: 'Schema: dunkel' },
    language: 'Sprache',
    views: 'Ansichten',
    signOut: 'Abmelden',
  },
  tabs: { active: 'Aktiv', ...status, all: 'Alle' },
  status,
  priority: { urgent: 'Dringend', high: 'Hoch', medium: 'Mittel', low: 'Niedrig' },
  columns: {
    identifier: 'Aufgabe',
    title: 'Titel',
    taskStatus: 'Status',
    assignee: 'Zuständig',
    priority: 'Priorität',
    dueDate: 'Fällig',
    tags: 'Schlagwörter',
    createdAt: 'Erstellt',
    updatedAt: 'Geändert',
    type: 'Typ',
    customer: 'Kunde',
    object: 'Objekt',
    contactPerson: 'Ansprechpartner',
    email: 'E-Mail',
    telephone: 'Telefon',
    template: 'Serienvorlage',
  },
  columnMenu: { button: 'Spalten', more: 'Weitere Spalten', rows: 'Zeilen', comfortable: 'Bequem', compact: 'Kompakt' },
  cells: {
    unassigned: 'Nicht zugewiesen',
    none: '—',
    overdueToday: (amount, time) => `überfällig ${amount} · ${time}`,
    overdueDays: (amount, time) => `überfällig ${amount} · ${time}`,
    today: (time) => `heute · ${time}`,
  },
  pager: {
    label: 'Seiten',
    loading: 'Wird geladen …',
    none: 'Keine Zeilen',
    range: (first, last) => `Zeilen ${first}–${last}`,
    of: (total) => ` von ${total}`,
    pageOf: (page, pages) => ` · Seite ${page} von ${pages}`,
    size: 'Zeilen pro Seite',
    previous: 'Zurück',
    next: 'Weiter',
  },
  search: {
    label: 'Aufgaben nach Titel oder Nummer suchen',
    placeholder: 'Titel oder Nummer suchen, z. B. REC-1042   /',
  },
  copy: {
    link: 'Link kopieren',
    taskLink: 'Link zu dieser Aufgabe kopieren',
    copied: 'Link kopiert',
    failed: 'Kopieren fehlgeschlagen',
  },
  filters: {
    group: 'Filter',
    assignee: 'Zuständig',
    priority: 'Priorität',
    type: 'Typ',
    customer: 'Kunde',
    recurring: 'Serie',
    recurringAny: 'Serie: alle',
    recurringOnly: 'Nur Serienaufgaben',
    notRecurring: 'Keine Serienaufgaben',
    unassigned: 'Nicht zugewiesen',
    me: 'Ich',
    searchIn: (what) => `${what} suchen`,
    searchPlaceholder: 'Suchen …',
    loading: 'Wird geladen …',
    noOptions: 'Keine Einträge',
    typeToSearchCustomers: 'Tippen, um Kunden zu suchen',
    noCustomer: 'Kein Kunde gefunden',
    active: 'Aktive Filter',
    searchChip: (text) => `Suche: ${text}`,
    changedChip: (time) => `Geändert seit ${time}`,
    chip: (what, value) => `${what}: ${value}`,
    remove: (chip) => `${chip} entfernen`,
    clearAll: 'Alle entfernen',
  },
  ignored: {
    title: 'Einige Teile dieses Links konnten nicht verwendet werden und wurden weggelassen:',
    dismiss: 'Schließen',
    reasons: {
      repeated: 'mehrfach angegeben',
      'not-a-tab': 'kein Reiter',
      'too-long': 'zu lang',
      'not-a-user': 'kein Benutzer',
      'not-a-priority': 'keine Priorität',
      'not-a-type': 'keine Aufgabentyp-ID',
      'not-a-customer': 'keine Kunden-ID',
      'not-a-boolean': 'weder true noch false',
      'not-a-time': 'kein Zeitpunkt',
      'not-a-sort': 'keine sortierbare Spalte mit :asc oder :desc',
      'not-a-page': 'keine Seitenzahl',
      'not-a-size': 'keine der Seitengrößen',
      'too-many': 'zu viele Werte',
    },
  },
  errors: {
    generic: 'Beim Laden der Aufgaben ist etwas schiefgegangen.',
    network: 'Der Aufgabenserver ist nicht erreichbar.',
    networkHint: 'Bitte die Verbindung prüfen und erneut versuchen.',
    timeout: 'Der Aufgabenserver antwortet nicht rechtzeitig.',
    unexpected: 'Der Aufgabenserver hat eine unerwartete Antwort gesendet.',
    unauthorized: 'Der API-Schlüssel fehlt oder ist ungültig.',
    forbidden: 'Dieser API-Schlüssel darf keine Aufgaben lesen.',
    notFound: 'Der Aufgabenserver kennt diese Adresse nicht.',
    rateLimited: 'Der Aufgabenserver ist ausgelastet und bittet um Geduld.',
    badRequest: 'Der Aufgabenserver hat diese Ansicht abgelehnt.',
    server: (status) => `Der Aufgabenserver hatte ein Problem (${status}).`,
    other: (status) => `Der Aufgabenserver hat mit einem Fehler geantwortet (${status}).`,
    reasons: {
      timeout: (seconds) => `Der Server hat nicht innerhalb von ${seconds} Sekunden geantwortet.`,
      notJson: (contentType) =>
        `Der Server hat eine Antwort gesendet, die kein JSON ist (${contentType ?? 'ohne Inhaltstyp'}).`,
      notAList: (found, what) =>
        `Der Server hat ${JSON_KINDS[found]} gesendet, wo eine Liste von ${LISTS[what]} erwartet war.`,
      noReadableRows: (count, what) => `Keine der ${count} ${LISTS[what]} in der Antwort ließ sich lesen.`,
      unreadableItem: (what) =>
        what === 'task'
          ? 'Der Server hat eine Aufgabe gesendet, die sich nicht lesen ließ.'
          : 'Der Server hat einen Benutzer gesendet, der sich nicht lesen ließ.',
    },
    retry: 'Erneut versuchen',
    render: (what) => `${what} konnte nicht angezeigt werden.`,
    tryAgain: 'Erneut versuchen',
  },
  detail: {
    /** What failed, in "… could not be displayed". */
    theTask: 'Die Aufgabe',
  },
  keys: {
    title: 'Tastenkürzel',
    dismiss: 'Schließen',
    or: ' oder ',
    next: 'Nächste Aufgabe (nach der letzten: nächste Seite)',
    previous: 'Vorige Aufgabe (vor der ersten: vorige Seite)',
    open: 'Markierte Aufgabe öffnen',
    close: 'Aufgabe oder Menü schließen; Auswahl aufheben',
    search: 'Suchen',
    help: 'Diese Übersicht zeigen',
    editStatus: 'Status der markierten oder der ausgewählten Aufgaben ändern',
    editPriority: 'Priorität der markierten oder der ausgewählten Aufgaben ändern',
    editAssignee: 'Markierte oder ausgewählte Aufgaben zuweisen',
    editDue: 'Fälligkeit der markierten oder der ausgewählten Aufgaben ändern',
    select: 'Markierte Aufgabe für eine Sammeländerung auswählen (Umschalt-Klick wählt alle Zeilen bis zu einer)',
    menu: 'Menü der Änderungen der markierten Aufgabe (oder Rechtsklick auf eine Zeile)',
    views: 'Gespeicherte Ansichten öffnen',
  },
  unreadable: {
    label: 'nicht lesbar',
    sent: (kind, raw) => {
      const what = UNREADABLE_KINDS[kind] ?? 'einen Wert anderer Art'
      return raw === null ? `Der Server hat hier ${what} gesendet.` : `Der Server hat hier ${what} gesendet: „${raw}“.`
    },
    tasks: (count) =>
      count === 1
        ? '1 Aufgabe hat Werte, die die Liste nicht lesen konnte.'
        : `${count} Aufgaben haben Werte, die die Liste nicht lesen konnte.`,
  },
  counts: {
    atLeast: (count: string) => `mindestens ${count}`,
    asOf: (count: string, time: string) => `etwa ${count}, Stand ${time}`,
  },
  workload: {
    link: 'Auslastung',
    loading: 'Auslastung wird geladen …',
  },
  pages: {
    notFound: 'Seite nicht gefunden',
    toBoard: 'Zur Aufgabenliste',
    broken: 'Etwas ist schiefgegangen',
    reload: 'Diese Ansicht neu laden',
    openingView: 'Die gespeicherte Ansicht wird geöffnet…',
  },
  layout: {
    resizeColumn: (column) => `Breite der Spalte ${column}`,
    filters: 'Filter',
    activeFilters: 'aktiv',
    settings: 'Einstellungen',
  },
  lazyParts: {
    viewsFailed:
      'Die gespeicherten Ansichten konnten nicht geladen werden. Prüfen Sie die Verbindung und drücken Sie erneut auf „Ansichten“.',
    signInFailed:
      'Das Anmeldeformular konnte nicht geladen werden. Prüfen Sie die Verbindung und versuchen Sie es erneut.',
    loading: 'Wird geladen …',
  },
}
