import { createHash } from 'node:crypto'
import { expect, test } from 'vitest'
import { formatContentSecurityPolicy, inlineStyleHashes } from './security-headers.ts'

test('the built page’s inline stylesheets, and only they, are allowed by their hashes', () => {
  const css = '.board{display:grid}td>a{color:red}'
  const page = `<head><style>${css}</style><link rel="stylesheet" href="/a.css"></head><body><div style="x"></div></body>`
  const hashes = inlineStyleHashes(page)
  expect(hashes).toEqual([`'sha256-${createHash('sha256').update(css).digest('base64')}'`])
  const csp = formatContentSecurityPolicy([], hashes)
  expect(csp).toContain(`style-src 'self' ${hashes[0]};`)
  expect(csp).not.toMatch(/style-src [^;]*unsafe-inline/)
  expect(csp).toContain("script-src 'self';")
  expect(inlineStyleHashes('<head><link rel="stylesheet" href="/a.css"></head>')).toEqual([])
  expect(formatContentSecurityPolicy([])).toContain("style-src 'self';")
})
