import { describe, expect, test } from 'vitest'
import { taskSchema, type Task } from '../../../shared/tasks/api/schemas.ts'
import { planBulk } from './bulk-plan.ts'

/** A task as the board reads it from the API's shape (a number where text belongs is unreadable). */
function aTask({ status, ...fields }: Record<string, unknown> & { status?: { lastModifiedAt: number } }): Task {
  return taskSchema.parse({
    _id: '0'.repeat(24),
    title: 'A task',
    identifierNumber: 1,
    status: {
      status: 1,
      createdAt: 0,
      createdBy: null,
      lastModifiedAt: status?.lastModifiedAt ?? 0,
      lastModifiedBy: null,
    },
    ...fields,
  })
}

const unreadable = 42

describe('what a change on the picked tasks would do', () => {
  test('priority: those already urgent are left alone, the rest change with what was seen of them', () => {
    const tasks = [
      aTask({ _id: 'a'.repeat(24), priority: 'urgent' }),
      aTask({ _id: 'b'.repeat(24), priority: 'low', status: { lastModifiedAt: 1_772_434_800_000 } }),
      aTask({ _id: 'c'.repeat(24), priority: unreadable }),
    ]
    const plan = planBulk({ field: 'priority', to: 'urgent' }, tasks)
    expect(plan.already.map((task) => task._id)).toEqual(['a'.repeat(24)])
    expect(plan.willChange).toEqual([{ id: 'b'.repeat(24), from: 'low', seenModifiedAt: 1_772_434_800_000 }])
    expect(plan.unreadable.map((task) => task._id)).toEqual(['c'.repeat(24)])
  })

  test('completing leaves completed and cancelled tasks alone', () => {
    const plan = planBulk({ field: 'complete' }, [
      aTask({ taskStatus: 'completed' }),
      aTask({ taskStatus: 'cancelled' }),
      aTask({ taskStatus: 'open' }),
    ])
    expect([plan.already.length, plan.willChange.length]).toEqual([2, 1])
    expect(plan.willChange[0]!.from).toBe('open')
  })

  test('assignee by id, nobody as null; due dates to the second', () => {
    const person = 'd'.repeat(24)
    const assigned = aTask({ assignee: { entityId: person.toUpperCase(), name: 'Ada', profilePicture: null } })
    const nobody = aTask({ assignee: null })
    expect(planBulk({ field: 'assignee', to: person }, [assigned, nobody]).willChange.map((seen) => seen.from)).toEqual(
      [null],
    )
    expect(planBulk({ field: 'assignee', to: null }, [assigned, nobody]).willChange.map((seen) => seen.from)).toEqual([
      person.toUpperCase(),
    ])
    const due = aTask({ dueDate: 1_700_000_000_400 })
    expect(planBulk({ field: 'dueDate', to: 1_700_000_000_000 }, [due]).already).toHaveLength(1)
    expect(planBulk({ field: 'dueDate', to: null }, [due]).willChange[0]!.from).toBe(1_700_000_000_400)
  })
})
