import type { WorkloadWords } from './en.ts'

/** The words of the workload page, in German. */
export const workloadWordsDe: WorkloadWords = {
  workloadPage: {
    title: 'Auslastung',
    toBoard: 'Zurück zu den Aufgaben',
    tableLabel: 'Aktive Aufgaben je Bearbeiter',
    columns: {
      name: 'Bearbeiter',
      active: 'Aktiv',
      overdue: 'Überfällig',
      dueToday: 'Heute fällig',
      dueThisWeek: 'Diese Woche fällig',
    },
    figuresFrom: (time: string) => `Zahlen von ${time}`,
    truncated: (covered: string) => `Diese Zahlen umfassen nur die ersten ${covered} aktiven Aufgaben.`,
    stale: {
      rateLimited: (time: string) => `Die Aufgaben-API bat zu warten. Angezeigt werden die Zahlen von ${time}.`,
      unavailable: (time: string) => `Die Aufgaben-API antwortete nicht. Angezeigt werden die Zahlen von ${time}.`,
    },
    refreshFailed: (time: string) => `Die Zahlen konnten nicht aktualisiert werden. Angezeigt werden die von ${time}.`,
    cellLabel: (count: string, column: string, name: string) => `${count} ${column}, ${name}`,
    daySheet: 'Tagesblatt',
    daySheetFor: (name: string) => `Tagesblatt von ${name}`,
    dueSlices: 'Eine Fälligkeitszahl öffnet die aktiven Aufgaben der Person, die am frühesten fälligen zuerst.',
    keys: 'j und k wechseln zwischen Personen; Enter öffnet ihre Aufgaben.',
    empty: 'Keine aktiven Aufgaben passen zu diesen Filtern.',
  },
}
