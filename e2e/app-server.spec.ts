import { expect, test } from './fixtures.ts'

test('refuses methods other than GET on the API prefix', async ({ request }) => {
  for (const method of ['POST', 'PUT', 'PATCH', 'DELETE']) {
    const response = await request.fetch('/api/tasks/', { method, data: { title: 'x' } })
    expect(response.status(), method).toBe(405)
    expect(await response.json()).toMatchObject({ message: expect.stringContaining(method) })
  }
})

test('refuses API paths the board does not use', async ({ request }) => {
  for (const path of ['/api/invoices/', '/api/users/5/salary', '/api/', '/api/tasks/a/b']) {
    const response = await request.get(path)
    expect(response.status(), path).toBe(404)
    expect(await response.json()).toEqual({ message: 'Not found', errors: [{ message: 'Not found' }] })
  }
})

test('serves hashed assets for a year and the page for revalidation', async ({ request }) => {
  const html = await request.get('/tasks')
  expect(html.headers()['cache-control']).toBe('no-cache')
  const script = /src="(\/assets\/[^"]+\.js)"/.exec(await html.text())?.[1]
  expect(script).toBeDefined()
  const asset = await request.get(script!)
  expect(asset.status()).toBe(200)
  expect(asset.headers()['cache-control']).toContain('immutable')
  expect((await request.get('/assets/missing.js')).status()).toBe(404)
})

test('passes users to the browser without personal data', async ({ request }) => {
  const users = (await (await request.get('/api/users/?limit=100')).json()) as Record<string, unknown>[]
  expect(users.length).toBeGreaterThan(0)
  for (const user of users) {
    expect(Object.keys(user).sort()).toEqual(['_id', 'general'])
    // A field the upstream left out stays out (some demo users have no picture).
    expect(['firstName', 'lastName', 'profileImage']).toEqual(
      expect.arrayContaining(Object.keys(user.general as object)),
    )
    expect(user.general).toHaveProperty('firstName')
  }
  const self = (await (await request.get('/api/users/self')).json()) as Record<string, unknown>
  expect(Object.keys(self).sort()).toEqual(['_id', 'general'])
})

test('sends a strict Content-Security-Policy and the other security headers', async ({ request }) => {
  const headers = (await request.get('/tasks')).headers()
  const csp = headers['content-security-policy']!
  expect(csp).toContain("script-src 'self'")
  expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/)
  expect(csp).toContain("frame-ancestors 'none'")
  // Demo pictures are served on the board's own origin; no other picture host is configured.
  expect(csp).toContain("img-src 'self';")
  expect(csp).toContain("base-uri 'none'")
  expect(headers['x-content-type-options']).toBe('nosniff')
  expect(headers['referrer-policy']).toBe('same-origin')
})

test('the board runs under its CSP without a violation', async ({ page }) => {
  const violations: string[] = []
  await page.exposeFunction('reportViolation', (text: string) => violations.push(text))
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      void (window as unknown as { reportViolation: (text: string) => void }).reportViolation(
        `${event.violatedDirective} ${event.blockedURI}`,
      )
    })
  })
  await page.goto('/tasks')
  await expect(page.getByTestId('task-row').first()).toBeVisible()
  await page.getByRole('combobox', { name: 'Assignee' }).click()
  await expect(page.getByRole('listbox')).toBeVisible()
  await expect(page.locator('img.avatar__picture--loaded').first()).toBeVisible()
  expect(violations).toEqual([])
})
