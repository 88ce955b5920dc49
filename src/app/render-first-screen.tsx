import { StrictMode } from 'react'
import { renderToString } from 'react-dom/server'
import { StaticRouter } from 'react-router'
import { dehydrate, type QueryClient } from '@tanstack/react-query'
import { toWireParams } from '../shared/tasks/api/list-query.ts'
import { taskQueries, taskTypeQueries, userQueries } from '../features/tasks/api/queries.ts'
import { readSelf, readTaskPage, readTaskTypes } from '../features/tasks/api/tasks-api.ts'
import { firstViewQuery } from '../features/tasks/board/prefetch-first-view.ts'
import type { ApiResponse } from '../lib/api-client.ts'
import type { DisplaySettings } from '../shared/display-cookie.ts'
import { formattingSample } from '../lib/format.ts'
import { loadLanguage } from '../lib/i18n/i18n.tsx'
import { acceptedLanguages, pickLocale } from '../lib/i18n/locales.ts'
import { shownEnvironment, UNMEASURED_FRAME_HEIGHT } from '../lib/render-environment.tsx'
import { readTheme } from '../lib/theme.ts'
import { App } from './app.tsx'
import type {
  FirstScreen,
  FirstScreenRenderer,
  FirstScreenRequest,
  FirstViewAnswers,
  PageAttributes,
} from '../shared/first-screen-contract.ts'
import { createQueryClient } from './query-client.ts'
import { GuardedRoutes } from './router.tsx'

/**
 * The board's first screen made on the app server from the API's answers for
 * the page: they are read as the browser reads any answer and put in the
 * board's own queries, which go to the browser dehydrated (TanStack Query's
 * server rendering), and the same components render them in the language,
 * time zone and preferences the browser's display cookie names (without
 * one: its `Accept-Language`, the server's zone and the board's defaults).
 * The browser hydrates the queries before its first render, and takes the
 * markup over when it would render the same (else renders afresh over it),
 * so the markup is only ever shown until the board's scripts have run.
 */
export const renderFirstScreen: FirstScreenRenderer['renderFirstScreen'] = async (
  request: FirstScreenRequest,
): Promise<FirstScreen | null> => {
  const { answers } = request
  const self = answers.self === null ? null : readable(() => readSelf(answers.self))
  const query = firstViewQuery(request, self?.id)
  if (query === null || answers.request !== toWireParams(query).toString()) return null
  const page = readable(() => readTaskPage(answerOf(answers), query))
  if (page === null) return null
  const queryClient = createQueryClient()
  queryClient.setQueryData(taskQueries.list(query).queryKey, page)
  if (self) queryClient.setQueryData(userQueries.self().queryKey, self)
  const taskTypes = answers.taskTypes === null ? null : readable(() => readTaskTypes(answers.taskTypes))
  if (taskTypes) queryClient.setQueryData(taskTypeQueries.list().queryKey, taskTypes)
  const state = dehydrate(queryClient)
  try {
    // A render that fails costs the markup, not the answers: the browser then renders them itself.
    return { state, rendered: await render(request, queryClient) }
  } catch {
    return { state, rendered: null }
  } finally {
    queryClient.clear()
  }
}

async function render(request: FirstScreenRequest, queryClient: QueryClient): Promise<FirstScreen['rendered']> {
  const stored = request.display?.stored ?? {}
  const timeZone = request.display?.timeZone ?? request.defaultTimeZone
  const language = await loadLanguage(pickLocale(stored.locale, acceptedLanguages(request.acceptLanguage)))
  const windowWidth = request.display?.windowWidth ?? (request.mobile ? 'phone' : 'wide')
  const frameHeight = request.display?.windowHeight ?? UNMEASURED_FRAME_HEIGHT
  const now = Date.now()
  const markup = renderToString(
    <StrictMode>
      <App
        language={language}
        queryClient={queryClient}
        environment={shownEnvironment({ now, stored, timeZone, windowWidth, frameHeight })}
        routes={
          <StaticRouter location={`${request.pathname}${request.search}`}>
            <GuardedRoutes />
          </StaticRouter>
        }
      />
    </StrictMode>,
  )
  // A component that threw leaves its boundary for the browser to render (`<!--$!-->`): nothing to take over.
  if (markup.startsWith('<!--$!')) return null
  const formatting = formattingSample({ locale: language.locale, timeZone })
  return { markup, screen: { locale: language.locale, timeZone, now, stored, windowWidth, frameHeight, formatting } }
}

/** The list answer as the API client would have given it. */
function answerOf({ body, totalCount }: FirstViewAnswers): ApiResponse {
  return { body, headers: new Headers(totalCount === null ? {} : { 'x-total-count': totalCount }) }
}

/** What `read` reads, or null when the board cannot read it. */
function readable<T>(read: () => T): T | null {
  try {
    return read()
  } catch {
    return null
  }
}

export const pageAttributes: FirstScreenRenderer['pageAttributes'] = (
  display: DisplaySettings | null,
  acceptLanguage: string | undefined,
): PageAttributes => {
  const stored = display?.stored ?? {}
  const theme = readTheme(stored.theme ?? null)
  return {
    lang: pickLocale(stored.locale, acceptedLanguages(acceptLanguage)),
    theme: theme === 'system' ? null : theme,
  }
}
