/**
 * User objects from the API carry insurance numbers, birth dates, addresses
 * and contract data. The board shows names and pictures only, so only these
 * fields leave the server.
 */
export function toPublicUsers(body: Buffer): string | null {
  let parsed: unknown
  try {
    parsed = JSON.parse(body.toString('utf8'))
  } catch {
    return null
  }
  if (Array.isArray(parsed)) return JSON.stringify(parsed.map(toPublicUser))
  if (typeof parsed === 'object' && parsed !== null) return JSON.stringify(toPublicUser(parsed))
  return null
}

function toPublicUser(user: unknown) {
  const record = isRecord(user) ? user : {}
  const general = isRecord(record.general) ? record.general : {}
  return {
    _id: record._id ?? null,
    general: {
      firstName: general.firstName ?? null,
      lastName: general.lastName ?? null,
      profileImage: general.profileImage ?? null,
    },
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null
}
