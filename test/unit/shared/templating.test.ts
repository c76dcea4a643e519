import { describe, expect, it } from 'vitest'
import {
  renderTemplate,
  renderText,
  resolvePointer,
  templateContext,
} from '../../../src/shared/templating.ts'

const context = {
  event: { name: 'entry.created' },
  user: { firstname: 'Tyler', lastname: 'Durden' },
  resource: {
    sys: { id: '3a7ce8e3', contentTypeId: 'news', 'dotted.key': 'literal' },
    entryTitle: 'Hello',
    tags: ['a', 'b'],
    count: 3,
  },
}

describe('templating (Contensis-style)', () => {
  it('resolves JSON pointers, with ~0 ~1 escapes and array indexes', () => {
    expect(resolvePointer(context, '/resource/sys/id')).toBe('3a7ce8e3')
    expect(resolvePointer(context, '/resource/tags/1')).toBe('b')
    expect(resolvePointer({ 'a/b': { 'c~d': 1 } }, '/a~1b/c~0d')).toBe(1)
  })

  it("reads Contensis's dotted URL form {/resource/sys.id} as a path, but prefers a real key", () => {
    expect(renderText('https://x.test/handle/{/resource/sys.id}', context)).toBe(
      'https://x.test/handle/3a7ce8e3',
    )
    expect(resolvePointer(context, '/resource/sys/dotted.key')).toBe('literal')
  })

  it("renders Contensis's example templates: custom structures, interpolation and the whole resource", () => {
    const templates = {
      entry: {
        event: '{/event/name}',
        user: '{/user/firstname} {/user/lastname}',
        id: '{/resource/sys/id}',
        title: '{/resource/entryTitle}',
        department: '{/resource/department}',
      },
      contentType: '{/resource/}',
    }
    expect(renderTemplate(templates.entry, context)).toEqual({
      event: 'entry.created',
      user: 'Tyler Durden',
      id: '3a7ce8e3',
      title: 'Hello',
      department: '',
    })
    expect(renderTemplate(templates.contentType, context)).toEqual(context.resource)
  })

  it('keeps JSON types for an exact placeholder and never renders "undefined"', () => {
    expect(renderTemplate({ n: '{/resource/count}', tags: '{/resource/tags}' }, context)).toEqual({
      n: 3,
      tags: ['a', 'b'],
    })
    expect(renderText('count={/resource/count}&missing={/nope/x}', context)).toBe('count=3&missing=')
    expect(renderText('{/resource/tags}', context)).toBe('["a","b"]')
    expect(renderTemplate('{/nope}', context)).toBe('')
  })

  it('builds one context for every template of an event: its data, with the topic as event.name when the data has none', () => {
    const data = { resource: { sys: { id: 'e-1' } }, user: { firstname: 'Tyler' } }
    const built = templateContext('entry.created', data)
    expect(built).toEqual({ ...data, event: { name: 'entry.created' } })
    expect(renderText('{/event/name} by {/user/firstname}', built)).toBe('entry.created by Tyler')
    const named = { event: { name: 'entry.published' }, user: {} }
    expect(templateContext('entry.created', named)).toBe(named)
    expect(templateContext('list.sent', [1, 2])).toEqual({ data: [1, 2], event: { name: 'list.sent' } })
  })
})
