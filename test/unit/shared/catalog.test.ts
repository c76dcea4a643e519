import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { catalog } from '../../../src/shared/catalog/index.ts'
import { type Profile, ProfileSchema } from '../../../src/shared/catalog/schema.ts'

/** Each vendor's own webhook document, verbatim, which its profile is built from. */
const vendorDocs: Record<Profile['id'], string> = {
  rustici: 'rustici-generator.txt',
  quicklysign: 'quicklysign.txt',
  contensis: 'contensis.txt',
  iam: 'iam-server.txt',
}

function vendorDoc(id: Profile['id']): string {
  return readFileSync(new URL(`../../fixtures/vendor-docs/${vendorDocs[id]}`, import.meta.url), 'utf8')
}

function profile(id: Profile['id']): Profile {
  const found = catalog.find((p) => p.id === id)
  if (!found) throw new Error(`no profile ${id}`)
  return found
}

function topics(id: Profile['id']): string[] {
  return profile(id).event_types.map((e) => e.topic)
}

function exampleOf(id: Profile['id'], topic: string): unknown {
  const found = profile(id).event_types.find((e) => e.topic === topic)
  if (!found) throw new Error(`no topic ${topic} in ${id}`)
  return found.example
}

const IAM_EVENTS = [
  'user.created',
  'user.updated',
  'user.deleted',
  'user.role.assigned',
  'user.role.unassigned',
  'user.bulk_deleted',
  'user.credentials.deleted',
  'auth.reset_password',
  'client.created',
  'client.updated',
  'client.deleted',
  'client.role.created',
  'client.role.updated',
  'redirect_uri.created',
  'redirect_uri.updated',
  'redirect_uri.deleted',
  'role.created',
  'role.updated',
  'role.deleted',
  'role.permission.updated',
  'realm.created',
  'realm.updated',
  'realm.deleted',
  'realm.settings.updated',
  'webhook.created',
  'webhook.updated',
  'webhook.deleted',
]

/** Every `resourceType.event` pair named by the `topics` array of Contensis's example. */
const CONTENSIS_EXAMPLE_TOPICS = [
  'entry.updated',
  'entry.created',
  'entry.published',
  'contentType.created',
  'entry.workflowEventRaised',
  'entry.workflowStateChanged',
]

describe('event catalog', () => {
  it('has one profile per vendor, in a fixed order', () => {
    expect(catalog.map((p) => p.id)).toEqual(['rustici', 'quicklysign', 'contensis', 'iam'])
  })

  it.each(catalog.map((p) => [p.id, p] as const))(
    '%s names its source document by the vendor and the title lines the document opens with',
    (id, p) => {
      expect(p.source.startsWith(`${p.name}: `), p.source).toBe(true)
      const opening = vendorDoc(id)
        .split('\n')
        .slice(0, 4)
        .map((line) => line.trim())
      for (const part of p.source.slice(p.name.length + 2).split(', ')) expect(opening).toContain(part)
    },
  )

  it.each(catalog.map((p) => [p.id, p] as const))('%s parses with ProfileSchema', (_id, p) => {
    expect(ProfileSchema.parse(p)).toEqual(p)
  })

  it.each(catalog.map((p) => [p.id, p] as const))('%s has unique topics', (_id, p) => {
    const list = p.event_types.map((e) => e.topic)
    expect(new Set(list).size).toBe(list.length)
  })

  it('every event type has a description', () => {
    for (const p of catalog) {
      for (const e of p.event_types) expect(e.description.trim(), `${p.id} ${e.topic}`).not.toBe('')
    }
  })
})

describe('rustici', () => {
  it('has JOB_PROCESSED only, with the 2xx success rule', () => {
    expect(topics('rustici')).toEqual(['JOB_PROCESSED'])
    expect(profile('rustici').success_rule).toBe('2xx')
  })

  it("JOB_PROCESSED's example is the JobRead body of Rustici Generator's example", () => {
    const doc = vendorDoc('rustici')
    const start = doc.indexOf('{', doc.indexOf('Example:'))
    const message = JSON.parse(doc.slice(start, doc.lastIndexOf('}') + 1)) as {
      topic: string
      body: unknown
    }
    expect(message.topic).toBe('JOB_PROCESSED')
    expect(exampleOf('rustici', 'JOB_PROCESSED')).toEqual(message.body)
  })
})

describe('quicklysign', () => {
  it('has exactly the three callback events and succeeds only on 200', () => {
    expect(topics('quicklysign')).toEqual([
      'entity_updated',
      'document_status_changed',
      'final_document_generated',
    ])
    expect(profile('quicklysign').success_rule).toBe('exactly-200')
  })

  it("every example names the document of QuicklySign's example as a Document entity", () => {
    const doc = vendorDoc('quicklysign')
    const documentKey = /"entity_key":\s*"([^"]+)"/.exec(doc.slice(doc.indexOf('Response')))?.[1]
    expect(documentKey).toBe('ahNkZXZ-cXVpY2tseXNpZ24tZGV2chULEghEb2N1bWVudBiAgICAgMDvCww')
    for (const e of profile('quicklysign').event_types) {
      expect(e.example).toEqual({ entity_key: documentKey, entity_type: 'Document' })
    }
  })
})

describe('contensis', () => {
  it("includes every resourceType.event pair of Contensis's example topics", () => {
    // The literal list above is what Contensis's document says; check it against its text as well.
    const doc = vendorDoc('contensis')
    const fromDoc = new Set<string>()
    for (const m of doc.matchAll(/"resourceType":\s*"(\w+)",\s*"event":\s*\[([^\]]*)\]/g)) {
      for (const ev of (m[2] ?? '').matchAll(/"(\w+)"/g)) fromDoc.add(`${m[1]}.${ev[1]}`)
    }
    expect([...fromDoc].sort()).toEqual([...CONTENSIS_EXAMPLE_TOPICS].sort())
    expect(topics('contensis')).toEqual(expect.arrayContaining(CONTENSIS_EXAMPLE_TOPICS))
    expect(topics('contensis')).toEqual(
      expect.arrayContaining([
        'entry.deleted',
        'entry.unpublished',
        'contentType.updated',
        'contentType.deleted',
      ]),
    )
    expect(profile('contensis').success_rule).toBe('2xx')
  })

  it('every topic is resourceType.event and its example is the template context', () => {
    for (const e of profile('contensis').event_types) {
      expect(e.topic).toMatch(/^(entry|contentType)\.\w+$/)
      expect(e.example).toMatchObject({
        event: { name: e.topic },
        resource: expect.any(Object),
        user: { firstname: expect.any(String), lastname: expect.any(String) },
      })
    }
  })

  it('every entry example follows the Contensis entry model', () => {
    const entries = profile('contensis').event_types.filter((e) => e.topic.startsWith('entry.'))
    expect(entries.length).toBeGreaterThanOrEqual(7)
    for (const e of entries) {
      expect(e.example, e.topic).toMatchObject({
        resource: {
          entryTitle: expect.any(String),
          entryDescription: expect.any(String),
          department: expect.any(String),
          sys: {
            id: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/),
            contentTypeId: expect.any(String),
            language: expect.any(String),
            owner: expect.any(String),
            version: { versionNo: expect.any(String) },
            workflow: expect.any(Object),
          },
        },
      })
    }
  })

  it('news entries carry the headline the entry.news template reads', () => {
    for (const e of profile('contensis').event_types) {
      const resource = (e.example as { resource: { sys?: { contentTypeId?: string } } }).resource
      if (resource.sys?.contentTypeId === 'news') expect(resource, e.topic).toHaveProperty('headline')
    }
  })

  it("workflow examples carry a workflowEvent / workflowState that Contensis's example filters name", () => {
    expect(exampleOf('contensis', 'entry.workflowEventRaised')).toMatchObject({
      workflowEvent: 'contensisentrybasic.draft.submit',
      resource: { sys: { contentTypeId: 'blog', owner: 't.durden' } },
    })
    expect(exampleOf('contensis', 'entry.workflowStateChanged')).toMatchObject({
      workflowState: 'contensisentryapproval.awaitingApproval',
      resource: { sys: { contentTypeId: 'blog', owner: 't.durden' } },
    })
  })

  it('contentType examples carry a content type resource', () => {
    for (const e of profile('contensis').event_types.filter((t) => t.topic.startsWith('contentType.'))) {
      expect(e.example, e.topic).toMatchObject({
        resource: { id: expect.any(String), name: expect.any(Object), fields: expect.any(Array) },
      })
    }
  })
})

describe('iam', () => {
  it("has exactly the 27 events of the IAM server's document, in order", () => {
    expect(IAM_EVENTS).toHaveLength(27)
    expect(topics('iam')).toEqual(IAM_EVENTS)
    expect(profile('iam').success_rule).toBe('2xx')
  })

  it("uses the document's events and description text", () => {
    const doc = vendorDoc('iam')
    const fromDoc = [...doc.matchAll(/^([a-z_]+(?:\.[a-z_]+)+)(Triggered when .*)$/gm)].map((m) => ({
      topic: m[1],
      description: m[2],
    }))
    expect(fromDoc.map((e) => e.topic)).toEqual(IAM_EVENTS)
    expect(profile('iam').event_types.map((e) => ({ topic: e.topic, description: e.description }))).toEqual(
      fromDoc,
    )
  })

  it('user examples are users and user.bulk_deleted lists user ids', () => {
    const uuid = expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/)
    for (const topic of ['user.created', 'user.updated', 'user.deleted']) {
      expect(exampleOf('iam', topic), topic).toMatchObject({
        id: uuid,
        username: expect.any(String),
        email: expect.any(String),
        firstname: expect.any(String),
        lastname: expect.any(String),
        enabled: expect.any(Boolean),
        realm: expect.any(String),
        created_at: expect.any(String),
      })
    }
    const ids = exampleOf('iam', 'user.bulk_deleted')
    expect(Array.isArray(ids) && ids.length > 1).toBe(true)
    for (const id of ids as unknown[]) expect(id).toEqual(uuid)
  })

  it('every other example is an object with the resource fields of its kind', () => {
    for (const e of profile('iam').event_types) {
      if (e.topic === 'user.bulk_deleted') continue
      expect(e.example, e.topic).toEqual(expect.any(Object))
      const kind = e.topic.split('.')[0]
      if (
        ['client', 'redirect_uri', 'realm', 'webhook'].includes(kind ?? '') ||
        e.topic.startsWith('role.')
      ) {
        expect(e.example, e.topic).toHaveProperty('id')
      }
    }
  })
})
