import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useMemo } from 'react'
import { z } from 'zod/mini'
import { appRequest } from '../../lib/api-client.ts'
import { formatNumber } from '../../lib/format.ts'
import { ME } from '../../shared/tasks/url-state/board-filters.ts'
import { parseBoardSearch } from '../../shared/tasks/url-state/board-search.ts'
import type { Changes } from '../tasks/api/figure-schemas.ts'
import { useChanges } from '../tasks/api/use-figures.ts'
import { useSelf } from '../tasks/api/use-lookups.ts'
import { toFilterSet } from '../tasks/url-state/figure-filters.ts'
import { parseAnswer, viewPath, viewQueries } from './api/saved-views.ts'
import { readOpenedLook, rememberOpenedLook } from './opened-view.ts'
import type { ViewWords } from './words/en.ts'
import { useViewI18n } from './words/view-words.ts'

/*
 * "Changed since you looked": the person's last look at each saved view is
 * kept by the app server (a look is an opening); the menu says what changed
 * in each view since, and the line that names the view on the board what
 * changed since the look before this opening. The figures are the app
 * server's (`/app/changes`), of the view's filters by the one mapping.
 */

/** A view's changes since a moment: its saved query and the moment (ISO). */
export interface ChangesAsked {
  id: string
  query: string
  since: string
}

/**
 * "3 new · 5 changed" for each view, by id; a view with nothing changed, or
 * whose changes cannot be counted (the server could not say, a filter the
 * figures do not take), has none. Asked only while `enabled`.
 */
export function useChangesSince(asked: readonly ChangesAsked[], enabled: boolean): Map<string, string> {
  const { t, locale } = useViewI18n()
  const boards = useMemo(() => asked.map(({ query }) => parseBoardSearch(new URLSearchParams(query)).board), [asked])
  const self = useSelf({ enabled: enabled && boards.some((board) => board.assignee.includes(ME)) })
  const selfId = self.data?.id ?? null
  // A view whose changes cannot be counted (a filter the figures do not take) has none; the others still do.
  const counted = useMemo(
    () =>
      asked.flatMap(({ id, since }, index) => {
        const set = toFilterSet({ ...boards[index]!, changed: null }, selfId)
        return set === null ? [] : [{ id, set, since }]
      }),
    [asked, boards, selfId],
  )
  const sets = useMemo(() => (counted.length > 0 ? counted.map(({ set, since }) => ({ set, since })) : null), [counted])
  const { data } = useChanges(sets, { enabled })
  return useMemo(() => {
    const texts = new Map<string, string>()
    counted.forEach(({ id }, index) => {
      const text = changesInWords(data?.[index] ?? null, t.viewChanges, locale)
      if (text) texts.set(id, text)
    })
    return texts
  }, [counted, data, t, locale])
}

/** "3 new · 5 changed", "100+ changed"; null when nothing changed or nobody could say. */
export function changesInWords(changes: Changes, words: ViewWords['viewChanges'], locale: string): string | null {
  if (!changes) return null
  const number = (value: number) => formatNumber(value, locale)
  if (changes.more) return words.atLeast(number(changes.new + changes.changed))
  const parts = [
    changes.new > 0 ? words.new(number(changes.new)) : null,
    changes.changed > 0 ? words.changed(number(changes.changed)) : null,
  ].filter((part) => part !== null)
  return parts.length > 0 ? parts.join(' · ') : null
}

const lookSchema = z.object({ lookedAt: z.string(), previous: z.nullable(z.string()) })

/**
 * Records this tab's opening of `viewId` as the person's look at it, once
 * per opening, and answers their look before (ISO; null the first time or
 * while it is being recorded). For a view this tab did not open: null, and
 * nothing is recorded.
 */
export function useLookBefore(viewId: string): string | null {
  const queryClient = useQueryClient()
  const opened = readOpenedLook()
  const mine = opened?.id === viewId ? opened : null
  const opening = mine?.opening ?? null
  // A query, though it writes: one request per opening however often the line renders or mounts (the opening is in
  // its key), and its answer is what the line reads.
  const look = useQuery({
    queryKey: ['view-look', viewId, opening] as const,
    queryFn: async () => {
      const answer = parseAnswer(lookSchema, await appRequest(viewPath(viewId, '/look'), { method: 'POST', body: {} }))
      // Only for this opening: a view opened meanwhile has its own look to record.
      const current = readOpenedLook()
      if (opening !== null && current?.id === viewId && current.opening === opening) {
        rememberOpenedLook({ id: viewId, opening, previous: answer.previous })
      }
      // The menu counts from the look just recorded.
      void queryClient.invalidateQueries({ queryKey: viewQueries.list().queryKey })
      return answer.previous
    },
    enabled: mine !== null && mine.previous === undefined,
    staleTime: Infinity,
    retry: false,
  })
  return mine?.previous ?? look.data ?? null
}
