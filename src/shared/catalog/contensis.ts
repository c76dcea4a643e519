import type { Profile } from './schema.ts'

/*
 * Each example is the context a Contensis payload template is rendered against:
 * `{ event: {name}, resource, user }`, read with JSON pointers such as `{/resource/sys/id}`,
 * `{/resource/entryTitle}` or `{/user/firstname}`, as Contensis's "Create A Webhook Subscription"
 * page writes them. Workflow events also carry the `workflowEvent` / `workflowState` that its topic
 * filters match on. The entries are shaped so that its example subscription (owner t.durden, blog/news,
 * language fr-fr for created/updated) matches them.
 */

/** The users who invoke the events (t.durden and m.singer, from Contensis's own example). */
const tylerDurden = { username: 't.durden', firstname: 'Tyler', lastname: 'Durden' }
const marlaSinger = { username: 'm.singer', firstname: 'Marla', lastname: 'Singer' }

/** A new blog entry in French, still in draft. */
const blogEntryCreated = {
  entryTitle: 'Les coulisses du festival de Cannes',
  entryDescription: 'Une semaine avec les équipes techniques du festival.',
  department: 'Editorial',
  sys: {
    id: '0f8a3c2e-5b7d-4e91-a6c4-2d9b8e1f7a30',
    projectId: 'movies',
    contentTypeId: 'blog',
    dataFormat: 'entry',
    language: 'fr-fr',
    uri: null,
    isPublished: false,
    availableLanguages: ['fr-fr'],
    owner: 't.durden',
    version: {
      createdBy: 't.durden',
      created: '2025-10-06T09:12:31Z',
      modifiedBy: 't.durden',
      modified: '2025-10-06T09:12:31Z',
      publishedBy: null,
      published: null,
      versionNo: '0.1',
    },
    workflow: { id: 'contensisEntryBasic', state: 'draft' },
    metadata: {},
  },
}

/** A French news entry edited by m.singer (news entries have the `headline` the `entry.news` template reads). */
const newsEntryUpdated = {
  entryTitle: 'Avant-première : Fight Club en version restaurée',
  entryDescription: 'La version restaurée sera projetée en salle le mois prochain.',
  department: 'News desk',
  headline: 'Fight Club revient au cinéma',
  sys: {
    id: '5d2b7e94-1c3a-4f68-b0e5-7a9c4d3e2f11',
    projectId: 'movies',
    contentTypeId: 'news',
    dataFormat: 'entry',
    language: 'fr-fr',
    uri: null,
    isPublished: false,
    availableLanguages: ['fr-fr', 'en-GB'],
    owner: 't.durden',
    version: {
      createdBy: 't.durden',
      created: '2025-10-07T14:02:10Z',
      modifiedBy: 'm.singer',
      modified: '2025-10-08T08:45:52Z',
      publishedBy: null,
      published: null,
      versionNo: '0.2',
    },
    workflow: { id: 'contensisEntryBasic', state: 'draft' },
    metadata: {},
  },
}

/** The English version of a news entry, once published. */
const newsEntryPublished = {
  entryTitle: 'Fight Club restored for a one-night premiere',
  entryDescription: 'The restored print screens in cinemas next month.',
  department: 'News desk',
  headline: 'Fight Club returns to the big screen',
  sys: {
    id: '5d2b7e94-1c3a-4f68-b0e5-7a9c4d3e2f11',
    projectId: 'movies',
    contentTypeId: 'news',
    dataFormat: 'entry',
    language: 'en-GB',
    uri: '/news/fight-club-restored-for-a-one-night-premiere',
    isPublished: true,
    availableLanguages: ['fr-fr', 'en-GB'],
    owner: 't.durden',
    version: {
      createdBy: 't.durden',
      created: '2025-10-07T14:02:10Z',
      modifiedBy: 't.durden',
      modified: '2025-10-08T10:30:00Z',
      publishedBy: 't.durden',
      published: '2025-10-08T10:30:00Z',
      versionNo: '1.0',
    },
    workflow: { id: 'contensisEntryBasic', state: 'versionComplete' },
    metadata: {},
  },
}

/** The same news entry, taken off the site again. */
const newsEntryUnpublished = {
  ...newsEntryPublished,
  sys: {
    ...newsEntryPublished.sys,
    uri: null,
    isPublished: false,
    version: {
      ...newsEntryPublished.sys.version,
      modifiedBy: 'm.singer',
      modified: '2025-10-20T16:05:44Z',
      publishedBy: null,
      published: null,
    },
  },
}

/** An English blog entry that is deleted. */
const blogEntryDeleted = {
  entryTitle: 'Ten rules of the projection booth',
  entryDescription: 'What every projectionist learns in the first week.',
  department: 'Editorial',
  sys: {
    id: '9e41c6d8-2f7b-4a35-8d1e-6b0c5a4f3e22',
    projectId: 'movies',
    contentTypeId: 'blog',
    dataFormat: 'entry',
    language: 'en-GB',
    uri: null,
    isPublished: false,
    availableLanguages: ['en-GB'],
    owner: 't.durden',
    version: {
      createdBy: 't.durden',
      created: '2025-09-12T11:20:00Z',
      modifiedBy: 'm.singer',
      modified: '2025-11-03T09:00:17Z',
      publishedBy: null,
      published: null,
      versionNo: '0.3',
    },
    workflow: { id: 'contensisEntryBasic', state: 'draft' },
    metadata: {},
  },
}

/** The French blog entry after t.durden submitted its draft in the basic workflow. */
const blogEntrySubmitted = {
  ...blogEntryCreated,
  sys: {
    ...blogEntryCreated.sys,
    uri: '/blog/les-coulisses-du-festival-de-cannes',
    isPublished: true,
    version: {
      ...blogEntryCreated.sys.version,
      modified: '2025-10-06T15:40:02Z',
      publishedBy: 't.durden',
      published: '2025-10-06T15:40:02Z',
      versionNo: '1.0',
    },
    workflow: { id: 'contensisEntryBasic', state: 'versionComplete' },
  },
}

/** An English blog entry under the approval workflow that has moved to "awaiting approval". */
const blogEntryAwaitingApproval = {
  entryTitle: 'How we choose the midnight movies',
  entryDescription: 'Our programming team explains the late-night line-up.',
  department: 'Programming',
  sys: {
    id: 'c7a5e2b1-8d94-4f03-9b6e-1e2d3c4b5a66',
    projectId: 'movies',
    contentTypeId: 'blog',
    dataFormat: 'entry',
    language: 'en-GB',
    uri: null,
    isPublished: false,
    availableLanguages: ['en-GB'],
    owner: 't.durden',
    version: {
      createdBy: 't.durden',
      created: '2025-11-10T10:00:00Z',
      modifiedBy: 't.durden',
      modified: '2025-11-12T13:27:45Z',
      publishedBy: null,
      published: null,
      versionNo: '0.4',
    },
    workflow: { id: 'contensisEntryApproval', state: 'awaitingApproval' },
    metadata: {},
  },
}

/** A content type resource (what Contensis's example `"contentType": "{/resource/}"` template sends whole). */
const screeningContentType = {
  id: 'screening',
  projectId: 'movies',
  name: { 'en-GB': 'Screening', 'fr-fr': 'Projection' },
  description: { 'en-GB': 'A film screening at one of our cinemas.' },
  entryTitleField: 'entryTitle',
  entryDescriptionField: 'entryDescription',
  dataFormat: 'entry',
  enabled: true,
  defaultLanguage: 'en-GB',
  supportedLanguages: ['en-GB', 'fr-fr'],
  workflowId: 'contensisEntryBasic',
  fields: [
    {
      id: 'entryTitle',
      name: { 'en-GB': 'Title' },
      dataType: 'string',
      dataFormat: null,
      validations: { required: { message: { 'en-GB': 'A title is required' } } },
    },
    {
      id: 'entryDescription',
      name: { 'en-GB': 'Description' },
      dataType: 'string',
      dataFormat: null,
      validations: {},
    },
    {
      id: 'startsAt',
      name: { 'en-GB': 'Starts at' },
      dataType: 'dateTime',
      dataFormat: null,
      validations: { required: { message: { 'en-GB': 'A start time is required' } } },
    },
  ],
  version: {
    createdBy: 't.durden',
    created: '2025-09-01T08:59:49Z',
    modifiedBy: 't.durden',
    modified: '2025-09-01T08:59:49Z',
    versionNo: '1.0',
  },
}

const screeningContentTypeUpdated = {
  ...screeningContentType,
  fields: [
    ...screeningContentType.fields,
    {
      id: 'department',
      name: { 'en-GB': 'Department' },
      dataType: 'string',
      dataFormat: null,
      validations: {},
    },
  ],
  version: {
    ...screeningContentType.version,
    modifiedBy: 'm.singer',
    modified: '2025-09-05T08:59:49Z',
    versionNo: '2.0',
  },
}

export const contensis: Profile = {
  id: 'contensis',
  name: 'Contensis',
  description:
    'Contensis is a headless CMS whose webhook subscriptions fire on topics (a resourceType and its events, ' +
    'filtered by language, contentTypeId, owner, workflowEvent and workflowState). The body is rendered from ' +
    "the subscription's template for the resource type over {event, resource, user} (JSON-pointer " +
    'placeholders such as {/resource/sys/id}), or is the default webhook request structure when there is none.',
  source: 'Contensis: HTTP - Management, Create A Webhook Subscription',
  seed: '002_9c61a75dc75107ac.txt',
  success_rule: '2xx',
  event_types: [
    {
      topic: 'entry.created',
      description: 'An entry was created.',
      example: { event: { name: 'entry.created' }, resource: blogEntryCreated, user: tylerDurden },
    },
    {
      topic: 'entry.updated',
      description: 'An entry was updated.',
      example: { event: { name: 'entry.updated' }, resource: newsEntryUpdated, user: marlaSinger },
    },
    {
      topic: 'entry.deleted',
      description: 'An entry was deleted.',
      example: { event: { name: 'entry.deleted' }, resource: blogEntryDeleted, user: marlaSinger },
    },
    {
      topic: 'entry.published',
      description: 'An entry was published.',
      example: { event: { name: 'entry.published' }, resource: newsEntryPublished, user: tylerDurden },
    },
    {
      topic: 'entry.unpublished',
      description: 'An entry was unpublished.',
      example: { event: { name: 'entry.unpublished' }, resource: newsEntryUnpublished, user: marlaSinger },
    },
    {
      topic: 'entry.workflowEventRaised',
      description:
        'A workflow event was raised on an entry (a user carried out a workflow action, such as submitting a ' +
        'draft); workflowEvent names it as workflow.state.action.',
      example: {
        event: { name: 'entry.workflowEventRaised' },
        resource: blogEntrySubmitted,
        user: tylerDurden,
        workflowEvent: 'contensisentrybasic.draft.submit',
      },
    },
    {
      topic: 'entry.workflowStateChanged',
      description:
        'An entry transitioned into another workflow state; workflowState names the new state as ' +
        'workflow.state.',
      example: {
        event: { name: 'entry.workflowStateChanged' },
        resource: blogEntryAwaitingApproval,
        user: tylerDurden,
        workflowState: 'contensisentryapproval.awaitingApproval',
      },
    },
    {
      topic: 'contentType.created',
      description: 'A content type was created.',
      example: { event: { name: 'contentType.created' }, resource: screeningContentType, user: tylerDurden },
    },
    {
      topic: 'contentType.updated',
      description: 'A content type was updated.',
      example: {
        event: { name: 'contentType.updated' },
        resource: screeningContentTypeUpdated,
        user: marlaSinger,
      },
    },
    {
      topic: 'contentType.deleted',
      description: 'A content type was deleted.',
      example: {
        event: { name: 'contentType.deleted' },
        resource: screeningContentTypeUpdated,
        user: tylerDurden,
      },
    },
  ],
}
