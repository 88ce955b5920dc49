/** The only builders of app URLs. */
export const BOARD_PATH = '/tasks'

export function boardHref(search: string = ''): string {
  return search ? `${BOARD_PATH}?${search.replace(/^\?/, '')}` : BOARD_PATH
}

export function taskHref(taskId: string, search: string = ''): string {
  const path = `${BOARD_PATH}/${encodeURIComponent(taskId)}`
  return search ? `${path}?${search.replace(/^\?/, '')}` : path
}
