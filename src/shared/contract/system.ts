import { z } from 'zod'
import { ListEventTypesInputSchema, ListEventTypesOutputSchema } from '../catalog/schema.ts'
import { defineOperation } from './define.ts'

export const HealthSchema = z.object({
  status: z.literal('ok'),
  name: z.literal('hookbench'),
  version: z.string(),
  mode: z.enum(['desktop', 'headless']),
  started_at: z.iso.datetime(),
  receiver_url: z.string().nullable(),
  api_url: z.string().nullable(),
  data_dir: z.string(),
})
export type Health = z.infer<typeof HealthSchema>

/** Liveness and the event catalog. */
export const systemOperations = {
  health: defineOperation({
    method: 'GET',
    path: '/api/health',
    summary: 'Liveness and where Hookbench is listening.',
    input: z.strictObject({}),
    output: HealthSchema,
  }),
  listEventTypes: defineOperation({
    method: 'GET',
    path: '/api/event-types',
    summary: 'The event catalog of the emulated systems, each topic with an example payload.',
    input: ListEventTypesInputSchema,
    output: ListEventTypesOutputSchema,
  }),
} as const
