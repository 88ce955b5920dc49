import type { DehydratedState } from '@tanstack/react-query'
import { z } from 'zod/mini'
import { WINDOW_WIDTHS } from '../../display-cookie.ts'

/** The element the app server puts the handover in (`<script type="application/json">`). */
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
  /** The board's queries the page's first view fills (its rows, the task types), dehydrated by TanStack Query. */
  state: z.optional(z.custom<DehydratedState>((value) => dehydratedSchema.safeParse(value).success)),
  /** Present when the page also carries the first screen, rendered by the server from that state. */
  screen: z.optional(screenSchema),
  /** Present when the API asked the page's request to wait (429): the board's first read waits as asked. */
  rateLimited: z.optional(z.object({ retryAfterMs: z.nullable(z.number()) })),
})

/** What the app server hands over with the page, so the board does not have to ask for its first view. */
export type FirstViewHandover = z.infer<typeof handoverSchema>

/** Reads the handover from the element's text. Never throws: null when it is not one. */
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
