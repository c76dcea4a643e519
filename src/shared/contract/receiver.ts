import { z } from 'zod'
import {
  BinIdInputSchema,
  BinSchema,
  CreateBinInputSchema,
  GetBinInputSchema,
  ListBinsInputSchema,
  UpdateBinInputSchema,
} from '../receiver/bin.ts'
import {
  CapturedRequestSchema,
  DeleteRequestsInputSchema,
  DeleteRequestsOutputSchema,
  ExchangeSchema,
  ExportCurlInputSchema,
  ExportCurlOutputSchema,
  GetRequestInputSchema,
  ListRequestsInputSchema,
  ListRequestsOutputSchema,
  ReplayRequestInputSchema,
} from '../receiver/captured-request.ts'
import {
  ExportHarInputSchema,
  HarDocumentSchema,
  ImportHarInputSchema,
  ImportHarOutputSchema,
} from '../receiver/har.ts'
import { defineOperation } from './define.ts'

/**
 * Bins and captured requests (the receiver issue). Order matters for routing: the fixed
 * `/api/requests/har` comes before `/api/requests/{id}`, which would otherwise match it.
 */
export const receiverOperations = {
  listBins: defineOperation({
    method: 'GET',
    path: '/api/bins',
    summary: 'Bins with their receiver URL; secrets shown as •••• unless ?reveal=true.',
    input: ListBinsInputSchema,
    output: z.object({ items: z.array(BinSchema) }),
  }),
  createBin: defineOperation({
    method: 'POST',
    path: '/api/bins',
    summary: 'Creates a bin {name, response, verify, forward_to}; 409 if the name is taken.',
    input: CreateBinInputSchema,
    output: BinSchema,
    status: 201,
  }),
  getBin: defineOperation({
    method: 'GET',
    path: '/api/bins/{id}',
    summary: 'One bin, by id or name.',
    input: GetBinInputSchema,
    output: BinSchema,
  }),
  updateBin: defineOperation({
    method: 'PUT',
    path: '/api/bins/{id}',
    summary: 'Replaces a bin; a secret sent back as •••• keeps its stored value.',
    input: UpdateBinInputSchema,
    output: BinSchema,
  }),
  deleteBin: defineOperation({
    method: 'DELETE',
    path: '/api/bins/{id}',
    summary: 'Deletes a bin and the requests it captured.',
    input: BinIdInputSchema,
    output: z.void(),
    status: 204,
  }),
  listRequests: defineOperation({
    method: 'GET',
    path: '/api/requests',
    summary: 'Captured requests, newest first; filters bin, method, path, q, since, until; ?cursor=&limit=.',
    input: ListRequestsInputSchema,
    output: ListRequestsOutputSchema,
  }),
  deleteRequests: defineOperation({
    method: 'DELETE',
    path: '/api/requests',
    summary: 'Deletes the captures of one bin (?bin=), or all of them.',
    input: DeleteRequestsInputSchema,
    output: DeleteRequestsOutputSchema,
  }),
  exportHar: defineOperation({
    method: 'GET',
    path: '/api/requests/har',
    summary:
      'Captures (of ?bin=, newest first up to ?limit=) as HAR 1.2; credentials •••• unless ?reveal=true.',
    input: ExportHarInputSchema,
    output: HarDocumentSchema,
  }),
  importHar: defineOperation({
    method: 'POST',
    path: '/api/requests/har',
    summary: 'Stores the requests of a HAR file as captures in bin ?bin= (created if needed).',
    input: ImportHarInputSchema,
    output: ImportHarOutputSchema,
    status: 201,
    maxBodyBytes: 256 * 1024 * 1024,
  }),
  getRequest: defineOperation({
    method: 'GET',
    path: '/api/requests/{id}',
    summary:
      'One capture with headers, body, verdict, forward, replays; credentials •••• unless ?reveal=true.',
    input: GetRequestInputSchema,
    output: CapturedRequestSchema,
  }),
  replayRequest: defineOperation({
    method: 'POST',
    path: '/api/requests/{id}/replay',
    summary:
      'Resends a capture (credentials real; •••• in edited headers keeps them) to {url}; records the answer.',
    input: ReplayRequestInputSchema,
    output: ExchangeSchema,
  }),
  exportRequestCurl: defineOperation({
    method: 'GET',
    path: '/api/requests/{id}/curl',
    summary: 'A curl command that sends the capture again (to ?url=); credentials •••• unless ?reveal=true.',
    input: ExportCurlInputSchema,
    output: ExportCurlOutputSchema,
  }),
} as const
