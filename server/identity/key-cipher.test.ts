import { expect, test } from 'vitest'
import { createKeyCipher } from './key-cipher.ts'

const cipher = createKeyCipher('a server secret of enough length, 32+')

test('round-trips a key, and the sealed text does not contain it', () => {
  const sealed = cipher.encrypt('id123:secret456', 'row-1')
  expect(sealed).not.toContain('secret456')
  expect(cipher.decrypt(sealed, 'row-1')).toBe('id123:secret456')
  expect(cipher.encrypt('id123:secret456', 'row-1')).not.toBe(sealed)
})

test('refuses another row, another secret, and altered text', () => {
  const sealed = cipher.encrypt('id123:secret456', 'row-1')
  expect(cipher.decrypt(sealed, 'row-2')).toBeNull()
  expect(createKeyCipher('another secret, also long enough......').decrypt(sealed, 'row-1')).toBeNull()
  const [version, iv, tag, data] = sealed.split('.')
  const flipped = Buffer.from(data!, 'base64url')
  flipped[0]! ^= 1
  expect(cipher.decrypt([version, iv, tag, flipped.toString('base64url')].join('.'), 'row-1')).toBeNull()
  expect(cipher.decrypt('garbage', 'row-1')).toBeNull()
})
