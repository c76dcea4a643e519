import { catalog } from '../shared/catalog/index.ts'
import type { Handlers } from '../shared/contract/index.ts'

export function catalogHandlers(): Pick<Handlers, 'listEventTypes'> {
  return {
    listEventTypes: async ({ profile }) => ({
      profiles: profile === undefined ? catalog : catalog.filter((p) => p.id === profile),
    }),
  }
}
