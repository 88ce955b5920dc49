// @vitest-environment node
import { afterEach, expect, inject, test, vi } from 'vitest'
import { clearFaults, injectFault } from '../../e2e/support/demo-faults.ts'
import { apiGet, appRequest, setApiBase } from './api-client.ts'
import { ApiError } from '../shared/api-error.ts'

afterEach(async () => {
  vi.restoreAllMocks()
  await clearFaults(inject('appOrigin'))
  setApiBase(`${inject('appOrigin')}/api`)
})

async function failure(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise
  } catch (error) {
    return error
  }
  throw new Error('expected the call to fail')
}

test('returns the parsed body and the headers', async () => {
  setApiBase(`${inject('appOrigin')}/api`)
  const { body, headers } = await apiGet('/taskTypes/')
  expect(Array.isArray(body)).toBe(true)
  expect(headers.get('content-type')).toMatch(/application\/json/)
})

test('gives up on an answer that never comes with a timeout error', async () => {
  setApiBase(`${inject('appOrigin')}/api`)
  await injectFault(inject('appOrigin'), { path: '/tasks/', body: 'hang' })
  const error = await failure(apiGet('/tasks/', undefined, { timeoutMs: 300 }))
  expect(error).toBeInstanceOf(ApiError)
  expect((error as ApiError).kind).toBe('timeout')
})

test('an abort by the caller rejects with the abort reason, not an ApiError', async () => {
  setApiBase(`${inject('appOrigin')}/api`)
  await injectFault(inject('appOrigin'), { path: '/tasks/', body: 'hang' })
  const controller = new AbortController()
  const pending = apiGet('/tasks/', undefined, { signal: controller.signal })
  controller.abort(new DOMException('left the view', 'AbortError'))
  const error = await failure(pending)
  expect(error).not.toBeInstanceOf(ApiError)
  expect((error as DOMException).name).toBe('AbortError')
})

test('a server that cannot be reached is a network error', async () => {
  // Port 1 (tcpmux) is reserved and closed on any machine that runs these tests.
  setApiBase('http://127.0.0.1:1/api')
  const error = await failure(apiGet('/tasks/'))
  expect(error).toBeInstanceOf(ApiError)
  expect((error as ApiError).kind).toBe('network')
})

test('the app server refuses paths the board does not use, in the API error shape', async () => {
  setApiBase(`${inject('appOrigin')}/api`)
  const error = await failure(apiGet('/invoices/'))
  expect(error).toBeInstanceOf(ApiError)
  expect((error as ApiError).status).toBe(404)
  expect((error as ApiError).message).toBe('Not found')
})

/** Sends the `Origin` a browser adds to every write (Node's fetch adds none). */
function asFromThePage() {
  const fetch = globalThis.fetch
  vi.spyOn(globalThis, 'fetch').mockImplementation((input, init) => {
    const headers = new Headers(init?.headers)
    headers.set('origin', inject('appOrigin'))
    return fetch(input, { ...init, headers })
  })
}

test('the app server’s own endpoints: JSON read, null for a 204', async () => {
  setApiBase(`${inject('appOrigin')}/api`)
  asFromThePage()
  const session = (await appRequest('/session')) as { signedIn?: unknown }
  expect(typeof session.signedIn).toBe('boolean')
  expect(await appRequest('/session', { method: 'DELETE' })).toBeNull()
})

test('a write passes the cross-site guard, and its refusal keeps the server’s JSON', async () => {
  setApiBase(`${inject('appOrigin')}/api`)
  asFromThePage()
  const error = await failure(appRequest('/views', { method: 'POST', body: { name: '' } }))
  expect(error).toBeInstanceOf(ApiError)
  const { status, message, body } = error as ApiError
  // The guard refuses a write without the board's header with 403; this one got past it to the route.
  expect(status).not.toBe(403)
  expect(status).toBeGreaterThanOrEqual(400)
  expect(body).toMatchObject({ message })
})
