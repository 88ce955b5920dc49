import { useQueryClient } from '@tanstack/react-query'
import { useEffect } from 'react'
import { openSharedEventSource, type SharedEvent } from '../../../lib/shared-event-source.ts'
import { APP_PREFIX } from '../../../shared/app-paths.ts'
import { useSession } from '../../views/api/session-queries.ts'
import { figureQueries } from '../api/figure-queries.ts'
import { putTask } from '../api/put-task.ts'
import { taskQueries } from '../api/queries.ts'
import { taskChangeQueries } from '../api/task-changes-api.ts'

/** Changes that come close together are read once: the first after this long… */
const GATHER_MS = 500
/** …and, while changes keep coming (a job on a hundred tasks), at most once in this long. */
const READ_GAP_MS = 3000
/** Changed tasks read one by one before the views are; past this many, only the views are. */
const READ_EACH_MAX = 50

/** The task a `task` event names; null for anything else. */
function changedTask(event: SharedEvent): string | null {
  if (event.event !== 'task') return null
  try {
    const { taskId } = JSON.parse(event.data) as { taskId?: unknown }
    return typeof taskId === 'string' ? taskId : null
  } catch {
    return null
  }
}

/**
 * The board kept current by the change feed (`/app/events`): when a task
 * is changed through any app server, the views on screen, their figures and
 * the open task are read again. Each changed task is read first and put in
 * place, so a row the change takes out of its view still shows the change
 * (rows never reorder under the reader: new and gone rows are offered, as
 * on every refresh). Without the stream (refused,
 * unreachable) the minute refresh goes on as before; changes made in the
 * vendor's own apps arrive by it.
 */
export function LiveUpdates() {
  const signedIn = useSession().data?.signedIn === true
  const queryClient = useQueryClient()
  useEffect(() => {
    if (!signedIn) return
    let timer: ReturnType<typeof setTimeout> | undefined
    let changed = new Set<string>()
    let everything = false
    let lastRead = -Infinity
    const readAgain = async () => {
      timer = undefined
      lastRead = performance.now()
      const ids = changed
      const all = everything
      changed = new Set()
      everything = false
      if (!all && ids.size <= READ_EACH_MAX) {
        await Promise.all(
          [...ids].map((id) =>
            queryClient.fetchQuery({ ...taskQueries.detail(id), staleTime: 0 }).then(
              (task) => putTask(queryClient, task),
              () => {}, // gone or unreadable: the views read next say so
            ),
          ),
        )
      }
      const open = all ? [taskQueries.all()] : [...ids].map((id) => taskQueries.detail(id).queryKey)
      // A hidden tab only marks them out of date: it reads them when it is shown again.
      const refetchType = document.visibilityState === 'hidden' ? 'none' : 'active'
      for (const queryKey of [taskQueries.lists(), figureQueries.all(), taskChangeQueries.all(), ...open]) {
        // A read already under way is kept, not restarted.
        void queryClient.invalidateQueries({ queryKey, refetchType }, { cancelRefetch: false })
      }
    }
    const stop = openSharedEventSource({
      url: `${APP_PREFIX}/events`,
      // `ready` carries the number a tab taking the stream over starts from.
      events: ['task', 'reload', 'ready'],
      onEvent: (event) => {
        if (event.event === 'ready') return
        const id = changedTask(event)
        if (id === null) everything = true
        else changed.add(id)
        const wait = Math.max(GATHER_MS, lastRead + READ_GAP_MS - performance.now())
        timer ??= setTimeout(() => void readAgain(), wait)
      },
    })
    return () => {
      stop()
      clearTimeout(timer)
    }
  }, [queryClient, signedIn])
  return null
}
