import type { DaySheetWords } from './en.ts'

export const daySheetWordsDe: DaySheetWords = {
  daySheet: {
    title: (name) => `Tagesblatt: ${name}`,
    period: (from, to) => (from === to ? from : `${from} – ${to}`),
    printed: (time) => `Gedruckt ${time}`,
    print: 'Drucken',
    oneDay: 'Ein Tag',
    week: 'Eine Woche',
    back: 'Zurück zu den Aufgaben',
    loading: 'Die Aufgaben werden geladen…',
    overdue: 'Überfällig',
    count: (count) => (count === 1 ? '1 Aufgabe' : `${count} Aufgaben`),
    none: 'Keine Aufgaben fällig.',
    noDue: 'Aufgaben ohne Fälligkeit stehen auf keinem Tagesblatt.',
    customer: 'Kunde',
    object: 'Objekt',
    contact: 'Kontakt',
    priority: 'Priorität',
    notes: 'Notizen',
    due: 'Fällig',
    unknown: 'Unbekannte Person',
    failed: 'Die Aufgaben konnten nicht geladen werden.',
    badLink:
      'Dieser Link nennt keine Person. Öffnen Sie ein Tagesblatt aus der Auslastung oder aus einer Ansicht einer Person.',
  },
}
