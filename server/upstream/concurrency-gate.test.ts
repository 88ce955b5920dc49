import { expect, test } from 'vitest'
import { createConcurrencyGate, GateFullError } from './concurrency-gate.ts'

const never = new AbortController().signal

test('page requests are served before background ones, each in arrival order', async () => {
  const gate = createConcurrencyGate({ limit: 1, maxQueued: 10 })
  const order: string[] = []
  const first = await gate.acquire('page', never)
  const waits = [
    ['count 1', 'background'],
    ['page 1', 'page'],
    ['count 2', 'background'],
    ['page 2', 'page'],
  ].map(async ([name, priority]) => {
    const release = await gate.acquire(priority as 'page' | 'background', never)
    order.push(name!)
    release()
  })
  first()
  await Promise.all(waits)
  expect(order).toEqual(['page 1', 'page 2', 'count 1', 'count 2'])
  expect(gate.stats()).toEqual({ active: 0, queued: 0 })
})

test('refuses beyond the queue, and a waiter whose signal aborts leaves it', async () => {
  const gate = createConcurrencyGate({ limit: 1, maxQueued: 1 })
  const release = await gate.acquire('page', never)
  const abort = new AbortController()
  const waiting = gate.acquire('page', abort.signal)
  await expect(gate.acquire('page', never)).rejects.toBeInstanceOf(GateFullError)
  abort.abort(new Error('gone'))
  await expect(waiting).rejects.toThrow('gone')
  expect(gate.stats()).toEqual({ active: 1, queued: 0 })
  release()
  release()
  expect(gate.stats()).toEqual({ active: 0, queued: 0 })
})
