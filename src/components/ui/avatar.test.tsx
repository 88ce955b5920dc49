import { act, fireEvent, render } from '@testing-library/react'
import { hydrateRoot } from 'react-dom/client'
import { renderToString } from 'react-dom/server'
import { expect, test } from 'vitest'
import { Avatar, colourOf, initialsOf, safeImageSource } from './avatar.tsx'

test.each([
  ['https://cdn.example.com/a.jpg', 'https://cdn.example.com/a.jpg'],
  ['http://example.com/a.png', 'http://example.com/a.png'],
  ['/demo-avatars/u1.svg', '/demo-avatars/u1.svg'],
  ['//evil.example/a.png', null],
  ['javascript:alert(1)', null],
  ['data:image/svg+xml,<svg onload=alert(1)>', null],
  ['img_8f3a2c', null],
  ['', null],
  [null, null],
])('uses %j as an image source: %j', (picture, expected) => {
  expect(safeImageSource(picture)).toBe(expected)
})

test('initials take the first and last word', () => {
  expect(initialsOf('Anna Maria Schmidt')).toBe('AS')
  expect(initialsOf('mehmet')).toBe('M')
  expect(initialsOf('  ')).toBe('?')
  expect(initialsOf('Émile Zola')).toBe('ÉZ')
})

test('a name always gets the same colour', () => {
  expect(colourOf('Anna Schmidt')).toBe(colourOf('Anna Schmidt'))
})

test('shows the initials until the picture has loaded, and keeps them when it fails', () => {
  const { container } = render(<Avatar name="Jonas Müller" picture="https://example.com/j.png" />)
  const image = container.querySelector('img')!
  expect(image.getAttribute('referrerpolicy')).toBe('no-referrer')
  expect(image.getAttribute('loading')).toBe('lazy')
  expect(container.textContent).toBe('JM')
  expect(image.className).toBe('avatar__picture')
  fireEvent.error(image)
  expect(image.className).toBe('avatar__picture')
  fireEvent.load(image)
  expect(image.className).toBe('avatar__picture avatar__picture--loaded')
})

test('a picture that loaded before the board took over the markup is shown', () => {
  const page = document.createElement('div')
  page.innerHTML = renderToString(<Avatar name="Jonas Müller" picture="https://example.com/j.png" />)
  const image = page.querySelector('img')!
  // As the browser has it once the picture arrived, before any script listened.
  Object.defineProperty(image, 'complete', { value: true })
  Object.defineProperty(image, 'naturalWidth', { value: 24 })
  act(() => {
    hydrateRoot(page, <Avatar name="Jonas Müller" picture="https://example.com/j.png" />)
  })
  expect(image.className).toBe('avatar__picture avatar__picture--loaded')
})

test('shows initials for an identifier instead of a URL', () => {
  const { container } = render(<Avatar name="Lena Weber" picture="img_12ab" />)
  expect(container.querySelector('img')).toBeNull()
  expect(container.textContent).toBe('LW')
})
