import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { getSession, signIn, signOut, type Session } from './session-api.ts'

export const sessionQueries = {
  all: () => ['session'] as const,
  current: () =>
    queryOptions({
      queryKey: sessionQueries.all(),
      queryFn: ({ signal }) => getSession({ signal }),
      staleTime: 60_000,
    }),
}

export function useSession() {
  return useQuery(sessionQueries.current())
}

/**
 * After signing in or out every answer may differ: all other queries are
 * reset (nothing of the previous user stays) and the shown ones asked again.
 */
function useSessionChange() {
  const queryClient = useQueryClient()
  return async (session: Session) => {
    queryClient.setQueryData(sessionQueries.all(), session)
    await queryClient.resetQueries({ predicate: (query) => query.queryKey[0] !== sessionQueries.all()[0] })
  }
}

export function useSignIn() {
  const changed = useSessionChange()
  return useMutation({ mutationFn: signIn, onSuccess: changed })
}

export function useSignOut() {
  const changed = useSessionChange()
  return useMutation({
    mutationFn: signOut,
    onSuccess: () => changed({ mode: 'personal-key', signedIn: false, user: null, writes: [] }),
  })
}
