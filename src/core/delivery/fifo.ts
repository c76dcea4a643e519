/**
 * A first-in first-out queue with O(1) shift. `Array.prototype.shift` copies the whole array once
 * it is large (thousands of messages waiting behind a subscription's concurrency limit), which
 * made each delivery pay for the length of the queue.
 */
export class Fifo<T> {
  private items: T[] = []
  private head = 0

  get size(): number {
    return this.items.length - this.head
  }

  push(item: T): void {
    this.items.push(item)
  }

  shift(): T | undefined {
    if (this.head >= this.items.length) return undefined
    const item = this.items[this.head] as T
    this.items[this.head] = undefined as T
    this.head++
    // Reclaim the consumed front now and then, in one copy, rather than on every shift.
    if (this.head >= 1024 && this.head * 2 >= this.items.length) {
      this.items = this.items.slice(this.head)
      this.head = 0
    }
    return item
  }
}
