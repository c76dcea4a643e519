/** A binary min-heap: the next due message in O(log n), however many are waiting. */
export class MinHeap<T> {
  private readonly items: T[] = []
  private readonly key: (item: T) => number

  constructor(key: (item: T) => number) {
    this.key = key
  }

  get size(): number {
    return this.items.length
  }

  peek(): T | undefined {
    return this.items[0]
  }

  push(item: T): void {
    const items = this.items
    items.push(item)
    let index = items.length - 1
    while (index > 0) {
      const parent = (index - 1) >> 1
      if (this.key(items[parent] as T) <= this.key(item)) break
      items[index] = items[parent] as T
      index = parent
    }
    items[index] = item
  }

  pop(): T | undefined {
    const items = this.items
    const top = items[0]
    const last = items.pop()
    if (items.length === 0 || last === undefined) return top
    let index = 0
    for (;;) {
      const left = index * 2 + 1
      if (left >= items.length) break
      const right = left + 1
      const child =
        right < items.length && this.key(items[right] as T) < this.key(items[left] as T) ? right : left
      if (this.key(items[child] as T) >= this.key(last)) break
      items[index] = items[child] as T
      index = child
    }
    items[index] = last
    return top
  }
}
