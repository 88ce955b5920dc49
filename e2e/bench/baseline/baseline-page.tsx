import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { createColumnHelper, FlexRender, tableFeatures, useTable } from '@tanstack/react-table'
import { useSearchParams } from 'react-router'

interface Row {
  _id: string
  identifierNumber?: number
  title?: string
  taskStatus?: string
  assignee?: { name?: string } | null
  priority?: string
  dueDate?: string | null
  status?: { createdAt?: string }
}

// The board's default view: newest first, the active statuses; "All" drops the status filter.
const ACTIVE = 'new,open,in_progress,in_review'
const features = tableFeatures({})
const column = createColumnHelper<typeof features, Row>()
const columns = column.columns([
  column.accessor('identifierNumber', { id: 'identifierNumber', header: '#' }),
  column.accessor('title', { id: 'title', header: 'Title' }),
  column.accessor('taskStatus', { id: 'taskStatus', header: 'Status' }),
  column.accessor((row) => row.assignee?.name ?? '', { id: 'assignee.name', header: 'Assignee' }),
  column.accessor('priority', { id: 'priority', header: 'Priority' }),
  column.accessor('dueDate', { id: 'dueDate', header: 'Due' }),
  column.accessor((row) => row.status?.createdAt ?? '', { id: 'status.createdAt', header: 'Created' }),
])

async function listTasks(params: URLSearchParams, signal: AbortSignal): Promise<Row[]> {
  const response = await fetch(`/api/tasks/?${params}`, { signal })
  if (!response.ok) throw new Error(`GET /api/tasks/ answered ${response.status}`)
  return (await response.json()) as Row[]
}

export function BaselinePage() {
  const [search, setSearch] = useSearchParams()
  const size = Number(search.get('size') ?? 50)
  const page = Number(search.get('page') ?? 1)
  const sort = search.get('sort') ?? 'status.createdAt'
  const direction = search.get('dir') === 'asc' ? 1 : -1
  const all = search.get('tab') === 'all'
  const params = new URLSearchParams({
    limit: String(size),
    offset: String((page - 1) * size),
    sort: JSON.stringify({ by: sort, direction }),
  })
  if (!all) params.set('taskStatus', ACTIVE)
  const { data, isPlaceholderData } = useQuery({
    queryKey: ['tasks', params.toString()],
    queryFn: ({ signal }) => listTasks(params, signal),
    placeholderData: keepPreviousData,
  })
  const table = useTable({ features, columns, data: data ?? [], getRowId: (row) => row._id })
  const go = (patch: Record<string, string>) => setSearch({ ...Object.fromEntries(search), page: '1', ...patch })

  return (
    <main>
      <div role="tablist">
        {(['active', 'all'] as const).map((tab) => (
          <button
            key={tab}
            id={`tab-${tab}`}
            type="button"
            role="tab"
            aria-selected={all === (tab === 'all')}
            onClick={() => go({ tab })}
          >
            {tab}
          </button>
        ))}
      </div>
      <table aria-busy={isPlaceholderData}>
        <thead>
          <tr>
            {table.getHeaderGroups()[0]?.headers.map((header) => (
              <th
                key={header.id}
                aria-sort={header.id !== sort ? 'none' : direction === 1 ? 'ascending' : 'descending'}
              >
                <button
                  type="button"
                  className="sort-button"
                  onClick={() => go({ sort: header.id, dir: header.id === sort && direction === -1 ? 'asc' : 'desc' })}
                >
                  <table.FlexRender header={header} />
                </button>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.getRowModel().rows.map((row) => (
            <tr key={row.id} data-testid="task-row">
              {row.getAllCells().map((cell, index) => (
                <td key={cell.id}>
                  {index === 1 ? (
                    <a data-task-link href={`/baseline/tasks/${row.id}`}>
                      <FlexRender cell={cell} />
                    </a>
                  ) : (
                    <FlexRender cell={cell} />
                  )}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" disabled={page <= 1} onClick={() => go({ page: String(page - 1) })}>
        Previous
      </button>
      <button type="button" disabled={!data || data.length < size} onClick={() => go({ page: String(page + 1) })}>
        Next
      </button>
    </main>
  )
}
