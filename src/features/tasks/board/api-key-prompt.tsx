import { useQueryClient } from '@tanstack/react-query'
import { useState, useSyncExternalStore } from 'react'
import { forgetApiKey, getApiKey, setApiKey, subscribeApiKey } from '../../../lib/api-key-store.ts'
import { useI18n } from '../../../lib/i18n/i18n.tsx'

export function useStoredApiKey(): boolean {
  return useSyncExternalStore(subscribeApiKey, () => getApiKey() !== null)
}

/** Shown in place of the error when the API answers 401: the key goes to this tab's session only. */
export function ApiKeyPrompt({ rejected }: { rejected: boolean }) {
  const { t } = useI18n()
  const queryClient = useQueryClient()
  const [key, setKey] = useState('')
  return (
    <form
      className="notice notice--error api-key"
      aria-labelledby="api-key-title"
      onSubmit={(event) => {
        event.preventDefault()
        if (!key.trim()) return
        setApiKey(key)
        setKey('')
        void queryClient.resetQueries()
      }}
    >
      <p className="notice__title" id="api-key-title">
        {rejected ? t.apiKey.rejected : t.apiKey.needed}
      </p>
      <p className="notice__detail">{t.apiKey.hint}</p>
      <div className="api-key__row">
        <label htmlFor="api-key-input" className="visually-hidden">
          {t.apiKey.label}
        </label>
        <input
          id="api-key-input"
          className="search__input"
          type="password"
          autoComplete="off"
          spellCheck={false}
          placeholder="id:secret"
          value={key}
          onChange={(event) => setKey(event.target.value)}
        />
        <button type="submit" className="button">
          {t.apiKey.use}
        </button>
      </div>
    </form>
  )
}

export function ForgetKeyButton() {
  const { t } = useI18n()
  const queryClient = useQueryClient()
  const hasKey = useStoredApiKey()
  if (!hasKey) return null
  return (
    <button
      type="button"
      className="button button--quiet"
      onClick={() => {
        forgetApiKey()
        queryClient.clear()
      }}
    >
      {t.apiKey.forget}
    </button>
  )
}
