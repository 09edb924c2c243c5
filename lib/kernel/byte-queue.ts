/** Bounded FIFO of bytes (ring buffer) shared by pipes and stream sockets. */
export class ByteQueue {
  private buf: Uint8Array;
  private head = 0;
  length = 0;

  constructor(readonly capacity: number) {
    this.buf = new Uint8Array(capacity);
  }

  get free(): number {
    return this.capacity - this.length;
  }

  /** Appends as many bytes as fit; returns how many were taken. */
  push(src: Uint8Array, from = 0, count = src.length - from): number {
    const n = Math.min(count, this.free);
    const tail = (this.head + this.length) % this.capacity;
    // At most two block copies: up to the end of the ring, then from its start.
    const first = Math.min(n, this.capacity - tail);
    this.buf.set(src.subarray(from, from + first), tail);
    this.buf.set(src.subarray(from + first, from + n), 0);
    this.length += n;
    return n;
  }

  shift(max: number): Uint8Array {
    const n = Math.min(max, this.length);
    const out = new Uint8Array(n);
    const first = Math.min(n, this.capacity - this.head);
    out.set(this.buf.subarray(this.head, this.head + first), 0);
    out.set(this.buf.subarray(0, n - first), first);
    this.head = (this.head + n) % this.capacity;
    this.length -= n;
    return out;
  }
}
