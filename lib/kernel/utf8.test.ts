import { describe, expect, it } from "vitest";
import { utf8Decode, utf8Encode, utf8Length } from "./utf8";

const bytes = (...b: number[]) => Uint8Array.from(b);

/** Strings mixing ASCII, 2-, 3- and 4-byte characters, from a fixed seed. */
function sampleStrings(): string[] {
  let seed = 7;
  const next = () => ((seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32);
  const pools = [[0x20, 0x7e], [0x80, 0x7ff], [0xac00, 0xd7a3], [0x1f300, 0x1f64f]];
  return Array.from({ length: 50 }, (_, n) => {
    let s = "";
    const length = n === 0 ? 20_000 : Math.floor(next() * 300);
    for (let i = 0; i < length; i++) {
      const [lo, hi] = pools[n % 3 === 0 ? 0 : Math.floor(next() * pools.length)];
      s += String.fromCodePoint(lo + Math.floor(next() * (hi - lo)));
    }
    return s;
  });
}

describe("utf8", () => {
  it("encodes and decodes exactly like the platform's TextEncoder/TextDecoder on valid text", () => {
    for (const s of sampleStrings()) {
      const encoded = utf8Encode(s);
      expect(Array.from(encoded)).toEqual(Array.from(new TextEncoder().encode(s)));
      expect(utf8Length(s)).toBe(encoded.length);
      expect(utf8Decode(encoded)).toBe(s);
    }
  });

  it("decodes text longer than one conversion chunk, ASCII and not", () => {
    const ascii = "pipe|".repeat(5000);
    expect(utf8Decode(utf8Encode(ascii))).toBe(ascii);
    const korean = "파이프".repeat(5000);
    expect(utf8Decode(utf8Encode(korean))).toBe(korean);
  });

  it("turns invalid or truncated sequences into U+FFFD", () => {
    expect(utf8Decode(bytes(0x61, 0xff, 0x62))).toBe("a\ufffdb");
    expect(utf8Decode(bytes(0x61, 0xe2, 0x82))).toBe("a\ufffd"); // a euro sign cut short
    expect(utf8Decode(bytes(0xc3, 0x28))).toBe("\ufffd(");
    expect(utf8Decode(bytes(0xf4, 0x90, 0x80, 0x80))).toBe("\ufffd"); // beyond U+10FFFF
  });

  it("encodes a lone surrogate as U+FFFD", () => {
    expect(utf8Decode(utf8Encode("x\ud800y"))).toBe("x\ufffdy");
  });
});
