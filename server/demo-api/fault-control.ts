import type { IncomingMessage, ServerResponse } from 'node:http'
import { errorAnswer, toRawAnswer, writeAnswer } from './answer.ts'
import { isCrossSiteRequest } from '../http/cross-site-guard.ts'
import type { FaultQueue } from './faults.ts'
import { readJsonBody } from '../http/read-json-body.ts'

/** `POST /__demo/faults` queues a fault described by the JSON body; `DELETE` clears the queue. Both answer 204. */
export function handleFaultControl(req: IncomingMessage, res: ServerResponse, faults: FaultQueue): void {
  // A page on another site must not be able to break the board for whoever has it open.
  if (isCrossSiteRequest(req)) {
    writeAnswer(res, toRawAnswer(errorAnswer(403, 'Cross-site requests may not change the demo API')))
    return
  }
  if (req.method === 'DELETE') {
    faults.clear()
    writeNoContent(res)
    return
  }
  if (req.method !== 'POST') {
    writeAnswer(
      res,
      toRawAnswer(errorAnswer(405, `Method ${req.method ?? ''} is not allowed here`, { allow: 'POST, DELETE' })),
    )
    return
  }
  readJsonBody(req).then(
    (body) => {
      // An empty body (read as {}) asks for the default fault, a plain 500.
      const problems = faults.add(body)
      if (problems.length > 0) writeAnswer(res, toRawAnswer(errorAnswer(400, problems)))
      else writeNoContent(res)
    },
    (error: unknown) => {
      writeAnswer(res, toRawAnswer(errorAnswer(400, error instanceof Error ? error.message : 'Unreadable body')))
    },
  )
}

export function writeNoContent(res: ServerResponse): void {
  res.writeHead(204, { 'cache-control': 'no-store' })
  res.end()
}
