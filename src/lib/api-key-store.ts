import { readStored, writeStored } from './storage.ts'

/**
 * The API key a user typed, for a server that does not add its own. It lives
 * in sessionStorage only (gone with the tab), is sent only as `x-API-Key` to
 * the same-origin prefix, and is never put in a URL or a log.
 */
const listeners = new Set<() => void>()

// Storage can be disabled; the key then lasts as long as the page.
let memoryKey: string | null = null

export function getApiKey(): string | null {
  return readStored('apiKey') ?? memoryKey
}

export function setApiKey(key: string): void {
  const value = key.trim()
  if (!value) return
  memoryKey = value
  writeStored('apiKey', value)
  listeners.forEach((listener) => listener())
}

export function forgetApiKey(): void {
  memoryKey = null
  writeStored('apiKey', null)
  listeners.forEach((listener) => listener())
}

export function subscribeApiKey(listener: () => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

/** Request headers carrying the key, when there is one. */
export function apiKeyHeaders(): Record<string, string> {
  const key = getApiKey()
  return key ? { 'x-API-Key': key } : {}
}
