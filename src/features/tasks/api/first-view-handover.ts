import type { DehydratedState } from '@tanstack/react-query'
import { z } from 'zod/mini'
import { WINDOW_WIDTHS } from '../../../lib/display-cookie.ts'

/** The element the app server puts the first view's answer in (`<script type="application/json">`). */
export const FIRST_VIEW_ELEMENT_ID = 'first-view'

const screenSchema = z.object({
  /** The language it is in. */
  locale: z.string(),
  /** The time zone its dates are in. */
  timeZone: z.string(),
  /** The clock its due dates were measured against. */
  now: z.number(),
  /** The stored preferences it was rendered with (the display cookie's). */
  stored: z.record(z.string(), z.string()),
  /** The window's layout it was rendered for. */
  windowWidth: z.enum(WINDOW_WIDTHS),
  /** The table frame's height its rows fill. */
  frameHeight: z.number(),
  /** How the server's runtime formats a few dates (`formattingSample`). */
  formatting: z.string(),
})

/** What the server's rendering of the first screen assumed: the browser takes that markup over only if it would render the same. */
export type RenderedScreen = z.infer<typeof screenSchema>

/** What hydrating reads of a dehydrated cache: each entry's key, hash and state (the rest is kept as it is). */
const dehydratedSchema = z.looseObject({
  queries: z.array(z.looseObject({ queryKey: z.array(z.unknown()), queryHash: z.string(), state: z.looseObject({}) })),
  mutations: z.array(z.unknown()),
})

const handoverSchema = z.object({
  /** The `/tasks/` query string it answers, as `toWireParams` writes it. */
  request: z.string(),
  /** The answer's `X-Total-Count`, when the API sent one. */
  totalCount: z.nullable(z.string()),
  /** The answer, cut down to the board's fields like any answer of the proxy; rows are checked by the reader. */
  body: z.unknown(),
  /** Present when the API asked the page's request to wait (429): the board's first read waits as asked before it asks. */
  rateLimited: z.optional(z.object({ retryAfterMs: z.nullable(z.number()) })),
  /** The other answers the first screen shows (the task types), dehydrated by TanStack Query. */
  queries: z.optional(z.custom<DehydratedState>((value) => dehydratedSchema.safeParse(value).success)),
  /** Present when the page also carries the first screen, rendered by the server from this answer. */
  screen: z.optional(screenSchema),
})

/** The first view's answer, handed over with the page so the board does not have to ask for it. */
export type FirstViewHandover = z.infer<typeof handoverSchema>

/** Reads the handed-over answer from the element's text. Never throws: null when it is not one. */
export function parseFirstViewHandover(text: string): FirstViewHandover | null {
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    return null
  }
  const parsed = handoverSchema.safeParse(json)
  return parsed.success ? parsed.data : null
}
