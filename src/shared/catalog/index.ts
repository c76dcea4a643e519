import { contensis } from './contensis.ts'
import { iam } from './iam.ts'
import { quicklysign } from './quicklysign.ts'
import { rustici } from './rustici.ts'
import type { Profile } from './schema.ts'

/** The event catalog: one profile per vendor, in a fixed order (Rustici Generator, QuicklySign, Contensis, the IAM server). */
export const catalog: Profile[] = [rustici, quicklysign, contensis, iam]
