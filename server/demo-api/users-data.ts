import { asciiSlug } from './ascii-slug.ts'
import { avatarPath } from './avatars.ts'
import { DAY, formatCalendarDate } from './clock.ts'
import type { DemoUser, EntityStatus, RelatedEntity } from './entities.ts'
import { randomObjectId, type Random } from './random.ts'
import { CITIES, STAFF, STREETS } from './word-lists.ts'

/**
 * Positions in STAFF whose users have no picture, the way real accounts do:
 * `profileImage: null`, or no `profileImage` key at all.
 */
const NULL_PICTURE = new Set([6, 22, 35])
const ABSENT_PICTURE = new Set([13, 29])
/** Positions whose picture is an identifier of the vendor's file store, not a URL an <img> can load. */
const IDENTIFIER_PICTURE = new Set([9, 18, 31])
/** Positions of people who have left: their accounts stay, archived, and old tasks still name them. */
const ARCHIVED = new Set([33, 37])

/** Every user, in STAFF order; the first is the dispatcher the demo key belongs to. */
export function generateUsers(random: Random, now: number, companyId: string): DemoUser[] {
  const ids = STAFF.map(() => randomObjectId(random))
  const selfId = ids[0] as string
  return STAFF.map(({ firstName, lastName, tags }, index) => {
    const _id = ids[index] as string
    const { city, zips } = random.pick(CITIES)
    const startDate = now - random.int(90, 4000) * DAY
    const birth = Date.UTC(random.int(1965, 2003), random.int(0, 11), random.int(1, 28))
    const general: DemoUser['general'] = {
      firstName,
      lastName,
      profileImage: profileImageFor(index, _id, random),
      email: `${asciiSlug(`${firstName}.${lastName}`)}@facility-demo.example`,
      birthDate: formatCalendarDate(birth),
      insuranceNumber: insuranceNumber(random, birth, lastName),
      phone: `+49 1${random.pick(['51', '52', '60', '70', '76'])} ${random.int(1_000_000, 99_999_999)}`,
    }
    if (ABSENT_PICTURE.has(index)) delete general.profileImage
    const weeklyHours = random.pick([40, 40, 38.5, 30, 20])
    return {
      _id,
      companyId,
      general,
      address: { street: `${random.pick(STREETS)} ${random.int(1, 140)}`, zip: random.pick(zips), city, country: 'DE' },
      contract: {
        type: weeklyHours >= 38 ? 'full-time' : 'part-time',
        weeklyHours,
        hourlyWage: random.int(1450, 2950) / 100,
        iban: germanIban(random),
        startDate: formatCalendarDate(startDate),
      },
      tags: [...tags],
      status: userStatus(random, startDate - random.int(1, 20) * DAY, now, selfId, ARCHIVED.has(index) ? 2 : 1),
    }
  })
}

/** The reference a task keeps to a user; its picture is copied as the user has it, absent included. */
export function toRelatedUser(user: DemoUser): RelatedEntity {
  const related: RelatedEntity = { entityId: user._id, name: `${user.general.firstName} ${user.general.lastName}` }
  if ('profileImage' in user.general) related.profilePicture = user.general.profileImage ?? null
  return related
}

function profileImageFor(index: number, userId: string, random: Random): string | null {
  if (NULL_PICTURE.has(index) || ABSENT_PICTURE.has(index)) return null
  if (IDENTIFIER_PICTURE.has(index)) return `img_${random.hex(6)}`
  return avatarPath(userId)
}

function userStatus(random: Random, createdAt: number, now: number, adminId: string, status: number): EntityStatus {
  return {
    status,
    createdAt: new Date(createdAt).toISOString(),
    createdBy: adminId,
    lastModifiedAt: new Date(Math.min(now, createdAt + random.int(1, 400) * DAY)).toISOString(),
    lastModifiedBy: adminId,
  }
}

/** Shaped like a German social insurance number: area, birth date, initial, serial. */
function insuranceNumber(random: Random, birth: number, lastName: string): string {
  const date = new Date(birth)
  const ddmmyy = [date.getUTCDate(), date.getUTCMonth() + 1, date.getUTCFullYear() % 100]
    .map((part) => String(part).padStart(2, '0'))
    .join('')
  const initial = lastName.normalize('NFD').charAt(0).toUpperCase()
  return `${random.int(10, 89)} ${ddmmyy} ${initial} ${String(random.int(0, 999)).padStart(3, '0')}`
}

/** A German IBAN with a correct check number, so validators in other tools accept it. */
function germanIban(random: Random): string {
  const bban = `${random.int(10_000_000, 89_999_999)}${String(random.int(0, 9_999_999_999)).padStart(10, '0')}`
  // ISO 13616: move "DE00" to the end, letters as numbers (D=13, E=14), check = 98 - mod 97.
  const check = 98 - mod97(`${bban}131400`)
  const iban = `DE${String(check).padStart(2, '0')}${bban}`
  return iban.replace(/(.{4})(?=.)/g, '$1 ')
}

function mod97(digits: string): number {
  let remainder = 0
  for (const digit of digits) remainder = (remainder * 10 + Number(digit)) % 97
  return remainder
}
