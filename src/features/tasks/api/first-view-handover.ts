import { z } from 'zod/mini'

/** The element the app server puts the first view's answer in (`<script type="application/json">`). */
export const FIRST_VIEW_ELEMENT_ID = 'first-view'

const handoverSchema = z.object({
  /** The `/tasks/` query string it answers, as `toWireParams` writes it. */
  request: z.string(),
  /** The answer's `X-Total-Count`, when the API sent one. */
  totalCount: z.nullable(z.string()),
  /** The answer, cut down to the board's fields like any answer of the proxy; rows are checked by the reader. */
  body: z.unknown(),
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
