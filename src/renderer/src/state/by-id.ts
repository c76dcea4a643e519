/** A list with `item` in it: replaced where its id already is, added at the end otherwise. */
export function upsertById<T extends { id: string }>(items: readonly T[] | null, item: T): T[] {
  const list = items ?? []
  return list.some((each) => each.id === item.id)
    ? list.map((each) => (each.id === item.id ? item : each))
    : [...list, item]
}

/** A list without the item of this id. */
export function withoutId<T extends { id: string }>(items: readonly T[] | null, id: string): T[] {
  return (items ?? []).filter((item) => item.id !== id)
}
