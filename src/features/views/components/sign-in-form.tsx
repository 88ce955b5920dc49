import { useId, useState } from 'react'
import type { ViewMessages } from '../words/view-words.ts'
import { useViewI18n } from '../words/view-words.ts'
import { isApiError } from '../../../shared/api-error.ts'
import { useSignIn } from '../api/session-queries.ts'
import { appFailureInWords } from '../view-failure.ts'
import './views.css'

/**
 * Asks for a personal API key in place of the board's rows. The key is sent
 * once to the app server, which keeps it in a session; the browser keeps
 * only an httpOnly cookie. The URL is untouched, so the same view comes back.
 */
export function SignInForm({ expired }: { expired: boolean }) {
  const { t } = useViewI18n()
  const id = useId()
  const [key, setKey] = useState('')
  const signIn = useSignIn()
  const refusal = signIn.error && signInFailureInWords(signIn.error, t)
  return (
    <form
      className="notice sign-in"
      aria-labelledby={`${id}-title`}
      onSubmit={(event) => {
        event.preventDefault()
        if (!key.trim()) return
        signIn.mutate(key.trim(), { onSuccess: () => setKey('') })
      }}
    >
      <h2 className="notice__title" id={`${id}-title`}>
        {expired ? t.session.expired : t.session.needed}
      </h2>
      <p className="notice__detail">{t.session.hint}</p>
      <div className="sign-in__row">
        <label htmlFor={`${id}-key`}>{t.session.label}</label>
        <input
          id={`${id}-key`}
          className="search__input"
          type="password"
          autoComplete="off"
          spellCheck={false}
          placeholder="id:secret"
          value={key}
          onChange={(event) => setKey(event.target.value)}
        />
        <button type="submit" className="button" disabled={signIn.isPending}>
          {t.session.signIn}
        </button>
      </div>
      {refusal && (
        <p className="sign-in__error" role="alert">
          {refusal}
        </p>
      )}
    </form>
  )
}

/** The sign-in's own refusals (a key not accepted, too many tries) in its words, else why the request failed. */
function signInFailureInWords(failure: Error, t: ViewMessages): string {
  const status = isApiError(failure) ? failure.status : null
  if (status === 401) return t.session.rejected
  if (status === 429) return t.session.tooMany
  return appFailureInWords(failure, t)
}
