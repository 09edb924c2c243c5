import { describe, expect, it } from "vitest";
import { ByteQueue } from "./byte-queue";
import { Prng } from "./prng";

describe("ByteQueue", () => {
  it("behaves as a bounded FIFO through every wrap-around (checked against a plain array)", () => {
    const rng = new Prng(2024);
    for (let capacity = 1; capacity <= 17; capacity++) {
      const q = new ByteQueue(capacity);
      const model: number[] = [];
      let counter = 0;
      for (let op = 0; op < 400; op++) {
        if (rng.int(2) === 0) {
          const src = Uint8Array.from({ length: rng.int(capacity + 4) }, () => counter++ & 255);
          const from = rng.int(src.length + 1);
          const count = rng.int(src.length - from + 1);
          const taken = q.push(src, from, count);
          expect(taken).toBe(Math.min(count, capacity - model.length));
          model.push(...src.subarray(from, from + taken));
        } else {
          const max = rng.int(capacity + 3);
          expect([...q.shift(max)]).toEqual(model.splice(0, max));
        }
        expect(q.length).toBe(model.length);
        expect(q.free).toBe(capacity - model.length);
      }
      expect([...q.shift(capacity)]).toEqual(model);
    }
  });

  it("takes the rest of a source by default", () => {
    const q = new ByteQueue(4);
    expect(q.push(Uint8Array.of(1, 2, 3), 1)).toBe(2);
    expect(q.push(Uint8Array.of(4, 5, 6))).toBe(2);
    expect([...q.shift(10)]).toEqual([2, 3, 4, 5]);
  });
});
