/**
 * Fault injection in the demo API behind an app server started with
 * DEMO_FAULTS=1 (see server/demo-api/README.md). Shared by the unit tests of
 * the API client and the browser tests; plain fetch, so it runs in both.
 */
export async function injectFault(origin: string, fault: Record<string, unknown>): Promise<void> {
  const response = await fetch(`${origin}/__demo/faults`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(fault),
  })
  if (response.status !== 204) throw new Error(`Could not inject fault: ${response.status} ${await response.text()}`)
}

/** Removes every queued fault. */
export async function clearFaults(origin: string): Promise<void> {
  await fetch(`${origin}/__demo/faults`, { method: 'DELETE' })
}
