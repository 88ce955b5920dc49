import type { IncomingMessage } from 'node:http'
import { expect, test } from 'vitest'
import { isHttps } from './client-address.ts'
import { formatCookie, readCookie } from './cookies.ts'

const request = (headers: Record<string, string>, remoteAddress = '10.0.0.5', encrypted = false) =>
  ({ headers, socket: { remoteAddress, encrypted } }) as unknown as IncomingMessage

test('cookies are httpOnly and SameSite=Strict, Secure only over https', () => {
  expect(formatCookie('tb_session', 'abc', { secure: false, maxAgeSeconds: 60 })).toBe(
    'tb_session=abc; Path=/; HttpOnly; SameSite=Strict; Max-Age=60',
  )
  expect(formatCookie('tb_session', 'abc', { secure: true, maxAgeSeconds: 60 })).toMatch(/; Secure$/)
})

test('https is the socket’s TLS, or a trusted proxy’s X-Forwarded-Proto, never anyone else’s', () => {
  expect(isHttps(request({}, '10.0.0.5', true), [])).toBe(true)
  expect(isHttps(request({ 'x-forwarded-proto': 'https' }, '::ffff:10.0.0.5'), ['10.0.0.5'])).toBe(true)
  expect(isHttps(request({ 'x-forwarded-proto': 'https' }, '10.0.0.6'), ['10.0.0.5'])).toBe(false)
  expect(isHttps(request({}), ['10.0.0.5'])).toBe(false)
})

test('reads one cookie among others, and only a well-formed value', () => {
  const token = 'A'.repeat(43)
  expect(readCookie(request({ cookie: `theme=dark; tb_session=${token}; x=1` }), 'tb_session')).toBe(token)
  expect(readCookie(request({ cookie: 'tb_session=short' }), 'tb_session')).toBeUndefined()
  expect(readCookie(request({ cookie: `tb_session=${'A'.repeat(20)}"<script>` }), 'tb_session')).toBeUndefined()
  expect(readCookie(request({}), 'tb_session')).toBeUndefined()
})
