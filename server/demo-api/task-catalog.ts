/**
 * What the demo company's tasks are about: its task types and the words
 * dispatchers use for them. Titles are German or English, as at a company
 * with international customers, and name the place so no two boards look
 * alike.
 */

export interface TitleParts {
  /** A street address, e.g. "Lindenstraße 12". */
  site: string
  /** A building or wing, e.g. "Haus B". */
  part: string
  floor: string
  /** A flat number. */
  unit: number
  /** A room number. */
  room: number
}

type Title = (parts: TitleParts) => string

export interface TaskTypeDefinition {
  prefix: string
  name: string
  color: string
  svg: string | null
  isDefault: boolean
  /** Share of all tasks. */
  weight: number
  titles: readonly Title[]
}

const icon = (path: string) =>
  `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16"><path fill="currentColor" d="${path}"/></svg>`

export const TASK_TYPES: readonly TaskTypeDefinition[] = [
  {
    prefix: 'CLN',
    name: 'Reinigung',
    color: '#2f9e44',
    svg: icon('M3 14h10l-1-6H4zM7 2h2v6H7z'),
    isDefault: false,
    weight: 25,
    titles: [
      ({ part }) => `Treppenhausreinigung ${part}`,
      ({ site }) => `Treppenhausreinigung ${site}`,
      ({ site }) => `Glasreinigung ${site}`,
      ({ floor }) => `Unterhaltsreinigung Büroetage ${floor}`,
      ({ site }) => `Grundreinigung Turnhalle ${site}`,
      ({ site }) => `Graffitientfernung Fassade ${site}`,
      ({ part }) => `Deep clean kitchen – ${part}`,
      ({ site }) => `Window cleaning ${site}`,
      ({ room }) => `Carpet cleaning meeting room ${room}`,
      ({ unit, site }) => `Bauendreinigung Wohnung ${unit}, ${site}`,
      ({ floor, part }) => `Sanitärreinigung ${floor} ${part}`,
      ({ floor }) => `Washroom restock ${floor}`,
      ({ site }) => `Tiefgaragenreinigung ${site}`,
    ],
  },
  {
    prefix: 'HZG',
    name: 'Heizung & Sanitär',
    color: '#e8590c',
    svg: icon('M8 1c2 3 4 5 4 8a4 4 0 0 1-8 0c0-2 1-3 2-4 0 2 1 3 2 3 0-3-1-5 0-7z'),
    isDefault: false,
    weight: 18,
    titles: [
      ({ floor }) => `Heizung fällt aus – ${floor}`,
      ({ site }) => `Heizung fällt aus – ${site}`,
      ({ part }) => `Boiler pressure low – ${part}`,
      ({ site }) => `Heizkörper entlüften ${site}`,
      ({ unit }) => `Thermostat defekt Wohnung ${unit}`,
      ({ unit }) => `Radiator cold in flat ${unit}`,
      ({ site }) => `Warmwasser ausgefallen ${site}`,
      ({ site }) => `Annual boiler service ${site}`,
      ({ site }) => `Heizungsstörung Fehlercode F28, ${site}`,
      ({ floor }) => `Leaking pipe in ${floor} washroom`,
      ({ site }) => `Rohrbruch Keller ${site}`,
      ({ part }) => `Water heater making noise – ${part}`,
    ],
  },
  {
    prefix: 'INS',
    name: 'Prüfung / Inspection',
    color: '#4263eb',
    svg: icon('M7 1a6 6 0 1 0 3.5 10.9l3.3 3.3 1.4-1.4-3.3-3.3A6 6 0 0 0 7 1zm0 2a4 4 0 1 1 0 8 4 4 0 0 1 0-8z'),
    isDefault: false,
    weight: 12,
    titles: [
      ({ site }) => `Annual fire extinguisher inspection ${site}`,
      ({ site }) => `Legionellenprüfung Warmwasser ${site}`,
      ({ site }) => `Spielplatzkontrolle ${site}`,
      ({ part }) => `Elevator safety check ${part}`,
      ({ floor }) => `DGUV V3 Prüfung ortsveränderlicher Geräte ${floor}`,
      ({ site }) => `Rauchwarnmelder-Wartung ${site}`,
      ({ floor }) => `Fire door inspection ${floor}`,
      ({ site }) => `Dachrinnenkontrolle ${site}`,
      ({ part }) => `Emergency lighting test ${part}`,
      ({ site }) => `Blitzschutzprüfung ${site}`,
      ({ part, site }) => `Sicherheitsbegehung ${part}, ${site}`,
    ],
  },
  {
    prefix: 'REP',
    name: 'Reparatur',
    color: '#f08c00',
    svg: icon('M11 1a4 4 0 0 0-3.9 5L1 12.1 3.9 15 10 8.9A4 4 0 0 0 15 5l-2.5 2.5-2-2L13 3a4 4 0 0 0-2-2z'),
    isDefault: true,
    weight: 22,
    titles: [
      ({ part }) => `Tür schließt nicht – ${part}`,
      ({ floor }) => `Leaking tap in kitchen ${floor}`,
      ({ part, site }) => `Broken window ${part}, ${site}`,
      ({ unit }) => `Fliesen lose im Bad Wohnung ${unit}`,
      ({ site }) => `Außenbeleuchtung defekt ${site}`,
      ({ floor }) => `Replace ceiling light ${floor}`,
      ({ site }) => `Briefkastenanlage beschädigt ${site}`,
      ({ site }) => `Garagentor klemmt ${site}`,
      ({ part }) => `Door closer broken – ${part}`,
      ({ room }) => `Steckdose ohne Strom Raum ${room}`,
      ({ room }) => `Jalousie defekt Büro ${room}`,
      ({ floor }) => `Toilet blocked – ${floor}`,
    ],
  },
  {
    prefix: 'REC',
    name: 'Wiederkehrende Wartung',
    color: '#1098ad',
    svg: icon('M8 2a6 6 0 0 1 5.7 4H16l-3 4-3-4h1.6A4 4 0 1 0 12 9.5l1.6 1.2A6 6 0 1 1 8 2z'),
    isDefault: false,
    weight: 13,
    // Recurring tasks are titled after their template; see RECURRING_TEMPLATES.
    titles: [],
  },
  {
    prefix: 'CMP',
    name: 'Reklamation',
    color: '#e03131',
    svg: null,
    isDefault: false,
    weight: 10,
    titles: [
      ({ site }) => `Reklamation: Treppenhaus nicht gereinigt ${site}`,
      ({ site }) => `Complaint: bins not emptied ${site}`,
      ({ part }) => `Beschwerde: Lärm durch Bauarbeiten ${part}`,
      ({ floor }) => `Complaint: heating still cold ${floor}`,
      ({ site }) => `Reklamation Glasreinigung – Schlieren ${site}`,
      ({ unit }) => `Mieterbeschwerde Schimmel Wohnung ${unit}`,
      ({ site }) => `Complaint: technician missed appointment at ${site}`,
      ({ site }) => `Reklamation: Winterdienst nicht erfolgt ${site}`,
    ],
  },
]

/** Templates that create tasks on a schedule, by the prefix of the type they create. */
export const RECURRING_TEMPLATES: readonly { name: string; prefix: string }[] = [
  { name: 'Monatliche Treppenhausreinigung', prefix: 'REC' },
  { name: 'Quarterly HVAC filter change', prefix: 'REC' },
  { name: 'Wöchentliche Müllplatzpflege', prefix: 'REC' },
  { name: 'Gartenpflege', prefix: 'REC' },
  { name: 'Winterdienst', prefix: 'REC' },
  { name: 'Monthly lift inspection', prefix: 'REC' },
  { name: 'Wartung Lüftungsanlage', prefix: 'REC' },
  { name: 'Weekly playground check', prefix: 'REC' },
  { name: 'Rasenmähen Außenanlage', prefix: 'REC' },
  { name: 'Dachrinnenreinigung (halbjährlich)', prefix: 'REC' },
  { name: 'Jährliche Feuerlöscherprüfung', prefix: 'INS' },
  { name: 'Legionellenprüfung (jährlich)', prefix: 'INS' },
]

/** Checklists a dispatcher starts by hand: a template, but not a recurring one. */
export const ONE_OFF_TEMPLATES: readonly { name: string; prefix: string }[] = [
  { name: 'Mieterwechsel-Checkliste', prefix: 'CLN' },
  { name: 'Move-out inspection', prefix: 'INS' },
  { name: 'Schlüsselübergabe mit Protokoll', prefix: 'REP' },
]

export const DESCRIPTION_LINES = [
  'Mieterin meldet das Problem seit gestern.',
  'Zugang über den Hof, Schlüssel beim Hausmeister.',
  'Bitte vorher beim Kunden anrufen.',
  'Fotos vorher/nachher in die App laden.',
  'Ersatzteil ggf. bestellen – Lager prüfen.',
  'Hund im Haus – bitte klingeln und warten.',
  'Bewohner ist vormittags nicht erreichbar.',
  'Arbeiten nur zwischen 8 und 16 Uhr (Schulbetrieb).',
  'Reported by reception this morning.',
  'Access via the loading bay; sign in at security.',
  'Please call the site contact 30 min before arrival.',
  'Bring a ladder (ceiling height approx. 3.5 m).',
  'Customer asked for a written quote before work starts.',
  'Second report this month – check the root cause.',
  'Ward is occupied: keep noise to a minimum.',
] as const

export const COMPLETION_RESPONSES = [
  'Erledigt. Filter getauscht, Anlage läuft.',
  'Reinigung durchgeführt, Fotos im Anhang.',
  'Keine Mängel festgestellt.',
  'Thermostatkopf ersetzt, Heizkörper wird warm.',
  'Done – replaced the door closer.',
  'Completed; customer signed off on site.',
  'Fixed temporarily, follow-up needed for spare part.',
  'Prüfprotokoll hochgeladen, nächste Prüfung in 12 Monaten.',
  'Leak sealed, floor dried, no further damage.',
] as const

export const EQUIPMENT_NAMES = [
  'Gas-Brennwertkessel Vitodens 200 (Keller)',
  'Wärmepumpe Vaillant aroTHERM',
  'Aufzug Schindler 3300',
  'Feuerlöscher 6 kg',
  'Lüftungsanlage RLT 2',
  'Warmwasserspeicher 300 l',
  'Brandschutztür T30',
  'Notbeleuchtung Treppenhaus',
  'Rauchwarnmelder',
  'Rolltor Tiefgarage',
] as const

/** The task types whose tasks usually concern a piece of equipment. */
export const EQUIPMENT_TYPES: ReadonlySet<string> = new Set(['HZG', 'INS', 'REC'])

/** The live API sends these besides the documented workflow states. */
export const UNDOCUMENTED_TASK_STATUSES = ['waiting_for_parts', 'on_hold'] as const
export const UNDOCUMENTED_PRIORITIES = ['critical', 'Hoch', 'asap'] as const
