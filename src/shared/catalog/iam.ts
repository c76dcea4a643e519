import type { Profile } from './schema.ts'

/*
 * Each example is the `data` of `{event, timestamp, resource_id, data}`: the resource the event
 * affected, as the IAM server serialises it (snake_case fields, UUID ids, RFC 3339 timestamps).
 * Deleted resources are sent as they were just before deletion.
 */

const REALM_ID = '4b8e2f17-93c6-4d0a-b5e1-7f2a9c3d6e80'
const USER_ID = 'a3c9e1f5-6b2d-4e87-9f10-2d4b6c8e0a11'
const CLIENT_UUID = 'd71f4a2c-0e9b-4c56-8a3d-5b7e9f1c2d40'

const realm = {
  id: REALM_ID,
  name: 'acme',
  created_at: '2025-03-02T09:00:00Z',
  updated_at: '2025-03-02T09:00:00Z',
}

const realmUpdated = { ...realm, name: 'acme-eu', updated_at: '2026-01-14T08:30:00Z' }

const realmSettings = {
  id: '6e0a3b9d-1f4c-4a72-8e5b-9c2d7f1a3b55',
  realm_id: REALM_ID,
  default_signing_algorithm: 'RS256',
  user_registration_enabled: false,
  forgot_password_enabled: true,
  remember_me_enabled: true,
  updated_at: '2026-01-14T08:45:10Z',
}

const user = {
  id: USER_ID,
  realm_id: REALM_ID,
  realm: 'acme',
  username: 'jdoe',
  email: 'jane.doe@acme.example',
  email_verified: true,
  firstname: 'Jane',
  lastname: 'Doe',
  enabled: true,
  required_actions: [],
  created_at: '2025-11-04T10:15:22Z',
  updated_at: '2025-11-04T10:15:22Z',
}

const userUpdated = {
  ...user,
  email: 'jane.smith@acme.example',
  lastname: 'Smith',
  updated_at: '2025-12-01T16:02:48Z',
}

/** A realm role (not bound to a client). */
const role = {
  id: 'f2b6d8a4-3c1e-4f9a-b7d5-0e8c6a4b2d19',
  realm_id: REALM_ID,
  client_id: null,
  name: 'support-agent',
  description: 'Can look up and unlock user accounts',
  permissions: ['view_users', 'query_users'],
  created_at: '2025-06-18T12:00:00Z',
  updated_at: '2025-06-18T12:00:00Z',
}

const roleUpdated = {
  ...role,
  description: 'Can look up, unlock and update user accounts',
  updated_at: '2025-12-09T09:21:07Z',
}

const rolePermissionsUpdated = {
  ...roleUpdated,
  permissions: ['view_users', 'query_users', 'manage_users'],
  updated_at: '2025-12-09T09:24:31Z',
}

const client = {
  id: CLIENT_UUID,
  realm_id: REALM_ID,
  client_id: 'billing-portal',
  name: 'Billing portal',
  enabled: true,
  protocol: 'openid-connect',
  public_client: false,
  service_account_enabled: true,
  direct_access_grants_enabled: false,
  client_type: 'confidential',
  created_at: '2025-08-27T07:40:00Z',
  updated_at: '2025-08-27T07:40:00Z',
}

const clientUpdated = { ...client, name: 'Billing & invoices portal', updated_at: '2026-02-03T11:11:11Z' }

/** A role that belongs to a client. */
const clientRole = {
  id: '8a1c5e3f-7b9d-4d2e-a6f0-3c5e7a9b1d72',
  realm_id: REALM_ID,
  client_id: CLIENT_UUID,
  name: 'invoices:read',
  description: 'Read invoices in the billing portal',
  permissions: ['view_clients'],
  created_at: '2025-09-01T13:30:00Z',
  updated_at: '2025-09-01T13:30:00Z',
}

const clientRoleUpdated = {
  ...clientRole,
  description: 'Read and download invoices in the billing portal',
  updated_at: '2026-02-03T11:20:45Z',
}

const redirectUri = {
  id: '3f7d9b1a-5c2e-4a8f-9d6b-1e3a5c7e9f04',
  client_id: CLIENT_UUID,
  value: 'https://billing.acme.example/auth/callback',
  enabled: true,
  created_at: '2025-08-27T07:41:12Z',
  updated_at: '2025-08-27T07:41:12Z',
}

const redirectUriUpdated = {
  ...redirectUri,
  value: 'https://billing.acme.example/oauth/callback',
  updated_at: '2026-02-03T11:25:00Z',
}

const webhook = {
  id: 'e5a7c9b2-4d6f-4e81-a3b5-c7d9e1f3a5b6',
  realm_id: REALM_ID,
  name: 'user-sync',
  description: 'Keeps the CRM in sync with user accounts',
  url: 'https://crm.acme.example/hooks/iam',
  headers: { 'X-Team': 'identity' },
  events: ['user.created', 'user.updated', 'user.deleted', 'user.bulk_deleted'],
  created_at: '2026-01-20T10:00:00Z',
  updated_at: '2026-01-20T10:00:00Z',
}

const webhookUpdated = {
  ...webhook,
  events: [...webhook.events, 'user.role.assigned', 'user.role.unassigned'],
  updated_at: '2026-01-22T15:45:30Z',
}

export const iam: Profile = {
  id: 'iam',
  name: 'IAM server',
  description:
    'An identity and access management server (realms, users, clients, roles) that POSTs to each webhook ' +
    'the events it subscribed to. The body is {event, timestamp, resource_id, data}, where data is the ' +
    'affected resource and depends on the event type.',
  source: 'IAM server: Developer Guide, Webhooks',
  seed: '003_f207dd48c6aff7d6.txt',
  success_rule: '2xx',
  event_types: [
    { topic: 'user.created', description: 'Triggered when a user is created.', example: user },
    { topic: 'user.updated', description: 'Triggered when a user is updated.', example: userUpdated },
    { topic: 'user.deleted', description: 'Triggered when a user is deleted.', example: userUpdated },
    {
      topic: 'user.role.assigned',
      description: 'Triggered when a role is assigned to a user.',
      example: { user_id: USER_ID, role },
    },
    {
      topic: 'user.role.unassigned',
      description: 'Triggered when a role is unassigned from a user.',
      example: { user_id: USER_ID, role },
    },
    {
      topic: 'user.bulk_deleted',
      description: 'Triggered when multiple users are deleted.',
      // The ids of the deleted users (the envelope's resource_id is then the realm's id).
      example: [USER_ID, '1b3d5f7a-9c2e-4b6d-8f0a-2c4e6a8b0d13', '7e9a1c3e-5b7d-4f2a-8c6e-0a2c4e6b8d35'],
    },
    {
      topic: 'user.credentials.deleted',
      description: "Triggered when a user's credentials are deleted.",
      example: {
        id: '2c4e6a8c-0e1f-4a3b-9d5c-7e9f1b3d5f28',
        user_id: USER_ID,
        credential_type: 'password',
        user_label: null,
        temporary: false,
        created_at: '2025-11-04T10:15:22Z',
        updated_at: '2025-11-04T10:15:22Z',
      },
    },
    {
      topic: 'auth.reset_password',
      description: 'Triggered when a password reset is initiated.',
      example: {
        user_id: USER_ID,
        realm_id: REALM_ID,
        username: 'jdoe',
        email: 'jane.doe@acme.example',
        temporary: true,
      },
    },
    { topic: 'client.created', description: 'Triggered when a client is created.', example: client },
    { topic: 'client.updated', description: 'Triggered when a client is updated.', example: clientUpdated },
    { topic: 'client.deleted', description: 'Triggered when a client is deleted.', example: clientUpdated },
    {
      topic: 'client.role.created',
      description: 'Triggered when a role is created for a client.',
      example: clientRole,
    },
    {
      topic: 'client.role.updated',
      description: 'Triggered when a role is updated for a client.',
      example: clientRoleUpdated,
    },
    {
      topic: 'redirect_uri.created',
      description: 'Triggered when a redirect URI is created.',
      example: redirectUri,
    },
    {
      topic: 'redirect_uri.updated',
      description: 'Triggered when a redirect URI is updated.',
      example: redirectUriUpdated,
    },
    {
      topic: 'redirect_uri.deleted',
      description: 'Triggered when a redirect URI is deleted.',
      example: redirectUriUpdated,
    },
    { topic: 'role.created', description: 'Triggered when a role is created.', example: role },
    { topic: 'role.updated', description: 'Triggered when a role is updated.', example: roleUpdated },
    {
      topic: 'role.deleted',
      description: 'Triggered when a role is deleted.',
      example: rolePermissionsUpdated,
    },
    {
      topic: 'role.permission.updated',
      description: 'Triggered when permissions of a role are updated.',
      example: rolePermissionsUpdated,
    },
    { topic: 'realm.created', description: 'Triggered when a realm is created.', example: realm },
    { topic: 'realm.updated', description: 'Triggered when a realm is updated.', example: realmUpdated },
    { topic: 'realm.deleted', description: 'Triggered when a realm is deleted.', example: realmUpdated },
    {
      topic: 'realm.settings.updated',
      description: 'Triggered when realm settings are updated.',
      example: realmSettings,
    },
    { topic: 'webhook.created', description: 'Triggered when a webhook is created.', example: webhook },
    {
      topic: 'webhook.updated',
      description: 'Triggered when a webhook is updated.',
      example: webhookUpdated,
    },
    {
      topic: 'webhook.deleted',
      description: 'Triggered when a webhook is deleted.',
      example: webhookUpdated,
    },
  ],
}
