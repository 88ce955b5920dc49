import { StrictMode } from 'react'
import { renderToString } from 'react-dom/server'
import { StaticRouter } from 'react-router'
import { dehydrate, hashKey, type Query } from '@tanstack/react-query'
import { taskQueries, taskTypeQueries } from '../features/tasks/api/queries.ts'
import type { TaskType } from '../features/tasks/api/schemas.ts'
import { readTaskTypes } from '../features/tasks/api/tasks-api.ts'
import { firstSliceOf } from '../features/tasks/api/task-page-source.ts'
import { firstViewQuery } from '../features/tasks/board/prefetch-first-view.ts'
import type { DisplaySettings } from '../lib/display-cookie.ts'
import { formattingSample } from '../lib/format.ts'
import { loadLanguage } from '../lib/i18n/i18n.tsx'
import { acceptedLanguages, pickLocale } from '../lib/i18n/locales.ts'
import { shownEnvironment, UNMEASURED_FRAME_HEIGHT } from '../lib/render-environment.tsx'
import { readTheme } from '../lib/theme.ts'
import { App } from './app.tsx'
import type { FirstScreen, FirstScreenRenderer, FirstScreenRequest, PageAttributes } from './first-screen-contract.ts'
import { createQueryClient } from './query-client.ts'
import { GuardedRoutes } from './router.tsx'

/**
 * The board's first screen rendered on the app server, from the first view's
 * answer the page hands over: the same components, the same reading of the
 * rows, in the language, time zone and preferences the browser's display
 * cookie names (without one: its `Accept-Language`, the server's zone and the
 * board's defaults). The browser takes the markup over when it would render
 * the same, and renders afresh over it when not, so the markup is only ever
 * shown until the board's scripts have run.
 */
export const renderFirstScreen: FirstScreenRenderer['renderFirstScreen'] = async (
  request: FirstScreenRequest,
): Promise<FirstScreen | null> => {
  const query = firstViewQuery(request)
  if (query === null) return null
  // A long page renders from its first rows, as the browser's first render will; the rest is the browser's to read.
  const first = await firstSliceOf(request.handover, query)
  if (first === null) return null
  const queryClient = createQueryClient()
  queryClient.setQueryData(taskQueries.list(query).queryKey, first)
  const taskTypes = readableTaskTypes(request.taskTypes)
  if (taskTypes) queryClient.setQueryData(taskTypeQueries.list().queryKey, taskTypes)
  const stored = request.display?.stored ?? {}
  const timeZone = request.display?.timeZone ?? request.defaultTimeZone
  const language = await loadLanguage(pickLocale(stored.locale, acceptedLanguages(request.acceptLanguage)))
  const windowWidth = request.display?.windowWidth ?? 'wide'
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
  const formatting = formattingSample({ locale: language.locale, timeZone })
  // What it showed besides the rows, for the browser to hydrate: its first render then shows the same.
  const queries = taskTypes ? dehydrate(queryClient, { shouldDehydrateQuery: isTaskTypes }) : null
  queryClient.clear()
  // A component that threw leaves its boundary for the browser to render (`<!--$!-->`): nothing to take over.
  if (markup.startsWith('<!--$!')) return null
  return {
    markup,
    screen: { locale: language.locale, timeZone, now, stored, windowWidth, frameHeight, formatting },
    queries,
  }
}

/** The task types of the server's answer, read as the board reads them; null when there is none to read. */
function readableTaskTypes(body: unknown): TaskType[] | null {
  if (body === null || body === undefined) return null
  try {
    return readTaskTypes(body)
  } catch {
    return null
  }
}

function isTaskTypes(query: Query): boolean {
  return query.queryHash === hashKey(taskTypeQueries.list().queryKey)
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
