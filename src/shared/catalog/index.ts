import { contensis } from './contensis.ts'
import { iam } from './iam.ts'
import { quicklysign } from './quicklysign.ts'
import { rustici } from './rustici.ts'
import type { Profile } from './schema.ts'

/** The event catalog: one profile per seed system (DESIGN §1), in seed order. */
export const catalog: Profile[] = [rustici, quicklysign, contensis, iam]
