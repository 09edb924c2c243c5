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
    const cap = this.capacity;
    let tail = (this.head + this.length) % cap;
    for (let i = 0; i < n; i++) {
      this.buf[tail] = src[from + i];
      tail = tail + 1 === cap ? 0 : tail + 1;
    }
    this.length += n;
    return n;
  }

  shift(max: number): Uint8Array {
    const n = Math.min(max, this.length);
    const out = new Uint8Array(n);
    const cap = this.capacity;
    for (let i = 0; i < n; i++) {
      out[i] = this.buf[this.head];
      this.head = this.head + 1 === cap ? 0 : this.head + 1;
    }
    this.length -= n;
    return out;
  }
}
