import { asciiSlug } from './ascii-slug.ts'
import { DAY } from './clock.ts'
import type { DemoCustomer, RelatedEntity } from './entities.ts'
import { randomObjectId, type Random } from './random.ts'
import { EQUIPMENT_NAMES } from './task-catalog.ts'
import {
  CITIES,
  CUSTOMER_ANIMALS,
  CUSTOMER_DIRECTIONS,
  CUSTOMER_NAME_PATTERNS,
  CUSTOMER_PLACES,
  CUSTOMER_SAINTS,
  CUSTOMER_WORDS,
  FIRST_NAMES,
  LAST_NAMES,
  STREETS,
} from './word-lists.ts'

export const CUSTOMER_COUNT = 120

/**
 * A building or address of a customer's that tasks are carried out at. The
 * `entity` objects here are what tasks embed: shared, never copied, so a
 * hundred thousand tasks stay small.
 */
export interface CustomerObject {
  entity: RelatedEntity
  /** `[entity]`, for the many tasks at this one object. */
  entityList: readonly RelatedEntity[]
  /** Street and number: what a title says, e.g. "Lindenstraße 12". */
  site: string
  equipment: RelatedEntity[]
}

export interface CustomerContact {
  entity: RelatedEntity
  email: string
  telephone: string
}

/** A customer with what tasks for it refer to; only `customer` is served by `/customers/`. */
export interface CustomerAccount {
  customer: DemoCustomer
  /** `[{entityId, name}]`: what every task for this customer has as `related.customers`. */
  entityList: readonly RelatedEntity[]
  objects: CustomerObject[]
  contacts: CustomerContact[]
  assignments: RelatedEntity[]
}

export function generateCustomers(random: Random, now: number, staffIds: readonly string[]): CustomerAccount[] {
  const names = uniqueCustomerNames(random)
  return names.map((name, index) => {
    const { city, zips } = random.pick(CITIES)
    const domain = `${asciiSlug(name.replaceAll('.', ''))}.example`
    const contacts = Array.from({ length: random.int(1, 3) }, () => contact(random, domain))
    const firstContact = contacts[0] as CustomerContact
    const objects = Array.from({ length: random.int(1, 4) }, () => customerObject(random, city, random.pick(zips)))
    const headquarters = random.pick(objects)
    const createdAt = now - random.int(60, 1500) * DAY
    const customer: DemoCustomer = {
      _id: randomObjectId(random),
      number: 10_001 + index,
      name,
      contactPerson: firstContact.entity.name,
      email: `info@${domain}`,
      telephone: firstContact.telephone,
      address: { street: headquarters.site, zip: random.pick(zips), city, country: 'DE' },
      status: {
        status: random.chance(0.04) ? 2 : 1,
        createdAt: new Date(createdAt).toISOString(),
        createdBy: random.pick(staffIds),
        lastModifiedAt: new Date(Math.min(now, createdAt + random.int(0, 500) * DAY)).toISOString(),
        lastModifiedBy: random.pick(staffIds),
      },
    }
    const year = new Date(now).getUTCFullYear() - random.int(0, 3)
    const assignments = Array.from({ length: random.int(1, 2) }, (_, position) => ({
      entityId: randomObjectId(random),
      name:
        position === 0
          ? `Rahmenvertrag ${name} ${year}`
          : `${random.pick(['Reinigungsvertrag', 'Wartungsvertrag', 'Service agreement'])} ${random.pick(objects).site}`,
    }))
    return { customer, entityList: [{ entityId: customer._id, name }], objects, contacts, assignments }
  })
}

function uniqueCustomerNames(random: Random): string[] {
  const names = new Set<string>()
  while (names.size < CUSTOMER_COUNT) {
    const pattern = random.pick(CUSTOMER_NAME_PATTERNS)
    names.add(
      pattern({
        surname: random.pick(LAST_NAMES),
        otherSurname: random.pick(LAST_NAMES),
        city: random.pick(CITIES).city,
        place: random.pick(CUSTOMER_PLACES),
        direction: random.pick(CUSTOMER_DIRECTIONS),
        saint: random.pick(CUSTOMER_SAINTS),
        word: random.pick(CUSTOMER_WORDS),
        animal: random.pick(CUSTOMER_ANIMALS),
      }),
    )
  }
  return [...names]
}

function contact(random: Random, domain: string): CustomerContact {
  const firstName = random.pick(FIRST_NAMES)
  const lastName = random.pick(LAST_NAMES)
  return {
    entity: { entityId: randomObjectId(random), name: `${firstName} ${lastName}` },
    email: `${asciiSlug(`${firstName}.${lastName}`)}@${domain}`,
    telephone: `+49 ${random.int(30, 89)} ${random.int(100_000, 9_999_999)}`,
  }
}

function customerObject(random: Random, city: string, zip: string): CustomerObject {
  const site = `${random.pick(STREETS)} ${random.int(1, 120)}${random.chance(0.15) ? random.pick(['a', 'b', 'c']) : ''}`
  const equipment = random.sample(EQUIPMENT_NAMES, random.int(0, 3)).map((name) => ({
    entityId: randomObjectId(random),
    name: `${name} (${site})`,
  }))
  const entity = { entityId: randomObjectId(random), name: `${site}, ${zip} ${city}` }
  return { entity, entityList: [entity], site, equipment }
}
