import type { IncomingMessage } from 'node:http'
import { expect, test } from 'vitest'
import { isHttps } from './client-address.ts'
import { formatTokenCookie, readTokenCookie } from './cookies.ts'

const request = (headers: Record<string, string>, remoteAddress = '10.0.0.5', encrypted = false) =>
  ({ headers, socket: { remoteAddress, encrypted } }) as unknown as IncomingMessage

test('cookies are httpOnly and SameSite=Strict; over https Secure and `__Host-` named', () => {
  expect(formatTokenCookie('tb_session', 'abc', { secure: false, maxAgeSeconds: 60 })).toBe(
    'tb_session=abc; Path=/; HttpOnly; SameSite=Strict; Max-Age=60',
  )
  expect(formatTokenCookie('tb_session', 'abc', { secure: true, maxAgeSeconds: 60 })).toBe(
    '__Host-tb_session=abc; Path=/; HttpOnly; SameSite=Strict; Max-Age=60; Secure',
  )
})

test('https is the socket’s TLS, or a trusted proxy’s X-Forwarded-Proto, never anyone else’s', () => {
  expect(isHttps(request({}, '10.0.0.5', true), [])).toBe(true)
  expect(isHttps(request({ 'x-forwarded-proto': 'https' }, '::ffff:10.0.0.5'), ['10.0.0.5'])).toBe(true)
  expect(isHttps(request({ 'x-forwarded-proto': 'https' }, '10.0.0.6'), ['10.0.0.5'])).toBe(false)
  expect(isHttps(request({}), ['10.0.0.5'])).toBe(false)
})

test('reads one cookie among others, and only a well-formed value sent once', () => {
  const token = 'A'.repeat(43)
  const read = (cookie: string | undefined, secure = false) =>
    readTokenCookie(request(cookie === undefined ? {} : { cookie }), 'tb_session', secure)
  expect(read(`theme=dark; tb_session=${token}; x=1`)).toBe(token)
  expect(read('tb_session=short')).toBeUndefined()
  expect(read(`tb_session=${'A'.repeat(20)}"<script>`)).toBeUndefined()
  expect(read(undefined)).toBeUndefined()
  expect(read(`tb_session=${token}; tb_session=${'B'.repeat(43)}`)).toBeUndefined()
  expect(read(`tb_session=${token}`, true)).toBeUndefined()
  expect(read(`tb_session=${'B'.repeat(43)}; __Host-tb_session=${token}`, true)).toBe(token)
})
