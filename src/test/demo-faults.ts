import { inject } from 'vitest'

/** Queues a fault in the demo API behind the test run's app server. */
export async function injectFault(fault: Record<string, unknown>): Promise<void> {
  const response = await fetch(`${inject('appOrigin')}/__demo/faults`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(fault),
  })
  if (!response.ok) throw new Error(`Could not inject fault: ${response.status} ${await response.text()}`)
}

export async function clearFaults(): Promise<void> {
  await fetch(`${inject('appOrigin')}/__demo/faults`, { method: 'DELETE' })
}
