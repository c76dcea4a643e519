import type { SubscriptionLabel } from './messages-slice.ts'

/** How a subscription is named in the Messages table, filter and detail. */
export interface SubscriptionName {
  /** The name, and where names collide, what tells this one apart: `name · host` or `name · 1a2b3c4d`. */
  text: string
  /** The name and the full id, for a tooltip. */
  title: string
}

const ID_PREFIX = 8

/**
 * A name per subscription that tells it apart. Subscriptions often share one (Contensis creates
 * them all as "name"): those get their URL's host when each has a different one, else the
 * shortest prefix of their id, from 8 characters, that no other of them shares.
 */
export function subscriptionNames(labels: readonly SubscriptionLabel[]): Map<string, SubscriptionName> {
  const byName = new Map<string, SubscriptionLabel[]>()
  for (const label of labels) {
    const name = displayName(label.name)
    const group = byName.get(name)
    if (group) group.push(label)
    else byName.set(name, [label])
  }
  const names = new Map<string, SubscriptionName>()
  for (const [name, group] of byName) {
    const suffixes = group.length > 1 ? distinguish(group) : null
    for (const [index, label] of group.entries()) {
      const suffix = suffixes?.[index]
      names.set(label.id, {
        text: suffix ? `${name} · ${suffix}` : name,
        title: `${name} — subscription ${label.id}`,
      })
    }
  }
  return names
}

/** A subscription the labels do not know (deleted, or names still loading): its id. */
export function unknownSubscription(id: string): SubscriptionName {
  return { text: id.slice(0, ID_PREFIX), title: `Subscription ${id}` }
}

/** `example.com:8080` of a URL, or null for one that does not parse (a template, say). */
export function hostOf(url: string): string | null {
  try {
    return new URL(url).host || null
  } catch {
    return null
  }
}

function displayName(name: string): string {
  return name.trim() || '(unnamed)'
}

function distinguish(group: readonly SubscriptionLabel[]): string[] {
  const hosts = group.map((label) => hostOf(label.url))
  if (hosts.every((host) => host !== null) && new Set(hosts).size === group.length) return hosts as string[]
  let length = ID_PREFIX
  const longest = Math.max(...group.map((label) => label.id.length))
  while (length < longest && new Set(group.map((label) => label.id.slice(0, length))).size < group.length) {
    length += 4
  }
  return group.map((label) => label.id.slice(0, length))
}
