/**
 * A fixed-capacity FIFO that drops its oldest item when full and counts what it dropped. Each
 * event subscriber gets one: a slow browser tab loses old events (and is told how many), while the
 * code that publishes events never waits for it.
 */
export class BoundedQueue<T> {
  private items: T[] = [];
  private droppedSinceDrain = 0;
  private droppedTotal = 0;

  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new Error('BoundedQueue capacity must be a positive integer');
  }

  push(item: T): void {
    this.items.push(item);
    if (this.items.length > this.capacity) {
      this.items.shift();
      this.droppedSinceDrain += 1;
      this.droppedTotal += 1;
    }
  }

  /** Takes everything queued, with the number of items dropped since the previous drain. */
  drain(): { items: T[]; dropped: number } {
    const drained = { items: this.items, dropped: this.droppedSinceDrain };
    this.items = [];
    this.droppedSinceDrain = 0;
    return drained;
  }

  get size(): number {
    return this.items.length;
  }

  get totalDropped(): number {
    return this.droppedTotal;
  }
}
