import { dehydrate, hydrate, QueryClient } from '@tanstack/react-query'
import type {
  FirstScreenRenderer,
  FirstScreenRequest,
  FirstViewAnswers,
} from '../../src/shared/first-screen-contract.ts'
import { parseFirstViewHandover } from '../../src/shared/tasks/api/first-view-handover.ts'

const ANSWERS_KEY = ['answers']

/**
 * The board's server-side build as server tests stand it in (the real one is
 * the board's own, tested in src/app/): it hands the answers it was given
 * over as one query, as they came, and renders nothing.
 */
export function standInRenderer(calls: FirstScreenRequest[] = []): FirstScreenRenderer {
  return {
    renderFirstScreen: (request) => {
      calls.push(request)
      const client = new QueryClient()
      client.setQueryData(ANSWERS_KEY, request.answers)
      return Promise.resolve({ state: dehydrate(client), rendered: null })
    },
    pageAttributes: (display, acceptLanguage) => ({
      lang: display?.stored.locale ?? acceptLanguage?.slice(0, 2) ?? 'en',
      theme: null,
    }),
  }
}

/** The handover in a page, as the board reads it; null when the page has none. */
export function handoverIn(html: string) {
  const match = /<script type="application\/json" id="first-view">(.*?)<\/script>/s.exec(html)
  return match ? parseFirstViewHandover(match[1]!) : null
}

/** The answers a page handed over through the stand-in renderer, hydrated as the board hydrates them; or null. */
export function answersIn(html: string): FirstViewAnswers | null {
  const state = handoverIn(html)?.state
  if (!state) return null
  const client = new QueryClient()
  hydrate(client, state)
  return client.getQueryData<FirstViewAnswers>(ANSWERS_KEY) ?? null
}
