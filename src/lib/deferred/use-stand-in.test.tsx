import { act, fireEvent, render, screen } from '@testing-library/react'
import { useState } from 'react'
import { expect, test } from 'vitest'
import { deferredPart, type DeferredPart } from './deferred-part.ts'
import { useStandIn } from './use-stand-in.ts'

interface Handoff {
  defaultOpen: boolean
  autoFocus: boolean
}
interface RealModule {
  Real: (handoff: Handoff) => React.ReactNode
}

const Real = ({ defaultOpen, autoFocus }: Handoff) => (
  <button type="button" data-open={defaultOpen} data-focus={autoFocus}>
    real
  </button>
)

/** A part whose fetch the test answers, as a slow or failing network would. */
function slowPart() {
  const fetches: { resolve: (module: RealModule) => void; reject: (error: Error) => void }[] = []
  const part = deferredPart(() => new Promise<RealModule>((resolve, reject) => fetches.push({ resolve, reject })))
  const answer = (outcome: 'arrives' | 'fails') =>
    act(async () => {
      const fetch = fetches.at(-1)!
      if (outcome === 'arrives') fetch.resolve({ Real })
      else fetch.reject(new Error('offline'))
      await Promise.resolve()
    })
  return { part, fetches, answer }
}

function Menu({ part, fetchOnIntent }: { part: DeferredPart<RealModule>; fetchOnIntent?: boolean }) {
  const { loaded, handlers, handoff, failed } = useStandIn(part, { fetchOnIntent })
  if (loaded) return <loaded.Real {...handoff} />
  return (
    <>
      <button type="button" {...handlers}>
        stand-in
      </button>
      {failed && <p role="alert">could not be loaded</p>}
    </>
  )
}

const standIn = () => screen.getByRole('button', { name: 'stand-in' })
const real = () => screen.getByRole('button', { name: 'real' })

test('a stand-in pressed before the code has arrived is replaced, opened, once it is there', async () => {
  const { part, fetches, answer } = slowPart()
  render(<Menu part={part} />)
  expect(fetches).toHaveLength(0)
  fireEvent.click(standIn())
  expect(fetches).toHaveLength(1)
  await answer('arrives')
  expect(real().dataset).toMatchObject({ open: 'true', focus: 'true' })
})

test('a focused stand-in hands the focus over without opening; with fetchOnIntent the focus fetches the code', async () => {
  const { part, fetches, answer } = slowPart()
  render(<Menu part={part} fetchOnIntent />)
  fireEvent.pointerEnter(standIn())
  fireEvent.focus(standIn())
  expect(fetches).toHaveLength(1)
  await answer('arrives')
  expect(real().dataset).toMatchObject({ open: 'false', focus: 'true' })
})

test('a stand-in held mid-press stays until the click, so the click lands on a button', async () => {
  const { part, answer } = slowPart()
  render(<Menu part={part} fetchOnIntent />)
  fireEvent.pointerEnter(standIn())
  fireEvent.pointerDown(standIn())
  await answer('arrives')
  expect(standIn()).toBeTruthy()
  fireEvent.click(standIn())
  expect(real().dataset).toMatchObject({ open: 'true' })
})

test('a fetch that fails says so until the next press or Esc, and the next press tries again', async () => {
  const { part, fetches, answer } = slowPart()
  render(<Menu part={part} />)
  fireEvent.click(standIn())
  await answer('fails')
  expect(screen.getByRole('alert')).toBeTruthy()
  fireEvent.keyDown(document, { key: 'Enter' })
  expect(screen.getByRole('alert')).toBeTruthy()
  fireEvent.keyDown(document, { key: 'Escape' })
  expect(screen.queryByRole('alert')).toBeNull()

  fireEvent.click(standIn())
  expect(fetches).toHaveLength(2)
  await answer('arrives')
  expect(real().dataset).toMatchObject({ open: 'true' })
})

test('an opening the caller owns fetches the code, and a failed fetch closes it again', async () => {
  const { part, fetches, answer } = slowPart()
  function Controlled() {
    const [open, setOpen] = useState(false)
    const { loaded, handlers } = useStandIn(part, { open, onOpenChange: setOpen })
    return (
      <>
        <output>{open ? 'open' : 'closed'}</output>
        <button type="button" onClick={() => setOpen(true)}>
          shortcut
        </button>
        {loaded ? (
          <span>real</span>
        ) : (
          <button type="button" {...handlers}>
            stand-in
          </button>
        )}
      </>
    )
  }
  render(<Controlled />)
  fireEvent.click(screen.getByRole('button', { name: 'shortcut' }))
  expect(fetches).toHaveLength(1)
  await answer('fails')
  expect(screen.getByRole('status').textContent).toBe('closed')
})
