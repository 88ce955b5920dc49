import type { IncomingMessage, ServerResponse } from 'node:http'
import { errorAnswer, toRawAnswer, writeAnswer } from './answer.ts'
import { createRandom, deriveSeed } from './random.ts'

/** Where the demo serves profile pictures: same origin as the board, outside the API base. */
export const AVATAR_PATH_PREFIX = '/demo-avatars/'

export function avatarPath(userId: string): string {
  return `${AVATAR_PATH_PREFIX}${userId}.svg`
}

/** `GET /demo-avatars/<userId>.svg`: a user's picture, cacheable for a day; 404 for anyone else. */
export function answerAvatar(
  req: IncomingMessage,
  res: ServerResponse,
  file: string,
  userIds: ReadonlySet<string>,
): void {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    writeAnswer(
      res,
      toRawAnswer(errorAnswer(405, `Method ${req.method ?? ''} is not allowed here`, { allow: 'GET, HEAD' })),
    )
    return
  }
  const userId = /^([0-9a-f]{24})\.svg$/.exec(file)?.[1]
  if (!userId || !userIds.has(userId)) {
    writeAnswer(res, toRawAnswer(errorAnswer(404, 'Not found')))
    return
  }
  writeAnswer(res, {
    status: 200,
    headers: { 'content-type': 'image/svg+xml', 'cache-control': 'public, max-age=86400' },
    body: renderAvatar(userId),
  })
}

const BACKGROUNDS = ['#ffd8a8', '#c5f6fa', '#d3f9d8', '#e5dbff', '#ffdeeb', '#fff3bf', '#d0ebff', '#e9ecef']
const SKIN = ['#f1c27d', '#e0ac69', '#c68642', '#8d5524', '#ffdbac', '#f5d0b0']
const HAIR = ['#2b2b2b', '#5a3825', '#a0522d', '#d4a017', '#8c8c8c', '#b03a2e']

/**
 * A small drawn face, the same for the same user every time. A face and not
 * initials on purpose: the board falls back to initials when a picture does
 * not load, and the two must be told apart at a glance.
 */
export function renderAvatar(userId: string): string {
  const random = createRandom(deriveSeed(0, userId))
  const background = random.pick(BACKGROUNDS)
  const skin = random.pick(SKIN)
  const hairColor = random.pick(HAIR)
  const hair = random.pick([
    `<path d="M18 30c0-12 8-18 14-18s14 6 14 18c-4-6-9-8-14-8s-10 2-14 8z" fill="${hairColor}"/>`,
    `<path d="M16 36c-2-16 6-24 16-24s18 8 16 24l-4-2V26H20v8z" fill="${hairColor}"/>`,
    `<path d="M20 24l4-8 4 6 4-8 4 8 4-6 4 8c-4-2-8-3-12-3s-8 1-12 3z" fill="${hairColor}"/>`,
    '',
  ])
  const eyeY = random.int(30, 33)
  const mouth = random.pick([
    `<path d="M26 ${eyeY + 8}q6 5 12 0" stroke="#3b2a20" stroke-width="2" fill="none" stroke-linecap="round"/>`,
    `<path d="M27 ${eyeY + 9}h10" stroke="#3b2a20" stroke-width="2" stroke-linecap="round"/>`,
    `<circle cx="32" cy="${eyeY + 9}" r="2.5" fill="#3b2a20"/>`,
  ])
  const shirt = random.pick(HAIR.concat(['#1c7ed6', '#2f9e44', '#e8590c']))
  return [
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64" width="64" height="64">',
    `<rect width="64" height="64" fill="${background}"/>`,
    `<path d="M10 64c2-12 11-18 22-18s20 6 22 18z" fill="${shirt}"/>`,
    `<circle cx="32" cy="32" r="14" fill="${skin}"/>`,
    hair,
    `<circle cx="27" cy="${eyeY}" r="1.8" fill="#222"/><circle cx="37" cy="${eyeY}" r="1.8" fill="#222"/>`,
    mouth,
    '</svg>',
  ].join('')
}
