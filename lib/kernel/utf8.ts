/** Tiny UTF-8 codec: TextEncoder is not guaranteed inside the isolate. */
export function utf8Encode(s: string): Uint8Array {
  // Nearly all traffic is ASCII: one byte per character, written straight into the result.
  const ascii = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x80) return utf8EncodeFrom(s, ascii.subarray(0, i));
    ascii[i] = c;
  }
  return ascii;
}

function utf8EncodeFrom(s: string, asciiPrefix: Uint8Array): Uint8Array {
  const out: number[] = Array.from(asciiPrefix);
  for (let i = asciiPrefix.length; i < s.length; i++) {
    let c = s.charCodeAt(i);
    if (c < 0x80) {
      out.push(c);
      continue;
    }
    if (c >= 0xd800 && c < 0xdc00 && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d < 0xe000) {
        c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
        i++;
      }
    }
    if (c >= 0xd800 && c < 0xe000) c = 0xfffd;
    if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
  }
  return Uint8Array.from(out);
}

/** Byte length without allocating; used for message-size accounting. */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c < 0xdc00 && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** Code units per String.fromCharCode call: well below any engine's argument limit. */
const CHUNK = 4096;

function fromCodeUnits(units: ArrayLike<number>): string {
  const slice = (start: number) => (units instanceof Uint8Array ? units.subarray(start, start + CHUNK) : Array.prototype.slice.call(units, start, start + CHUNK));
  if (units.length <= CHUNK) return String.fromCharCode.apply(null, units as number[]);
  let s = "";
  for (let i = 0; i < units.length; i += CHUNK) s += String.fromCharCode.apply(null, slice(i) as number[]);
  return s;
}

/** Invalid or truncated sequences become U+FFFD, as a terminal would show them. */
export function utf8Decode(b: Uint8Array): string {
  let i = 0;
  while (i < b.length && b[i] < 0x80) i++;
  if (i === b.length) return fromCodeUnits(b);
  // Building one string per character is the slow part of decoding: collect code units instead.
  const units: number[] = Array.from(b.subarray(0, i));
  while (i < b.length) {
    const c = b[i];
    let cp = 0xfffd;
    let need = 0;
    if (c < 0x80) cp = c;
    else if (c >= 0xc2 && c < 0xe0) [need, cp] = [1, c & 31];
    else if (c >= 0xe0 && c < 0xf0) [need, cp] = [2, c & 15];
    else if (c >= 0xf0 && c < 0xf5) [need, cp] = [3, c & 7];
    i++;
    if (need) {
      if (i + need > b.length) {
        cp = 0xfffd;
        i = b.length;
      } else {
        let ok = true;
        for (let j = 0; j < need; j++) {
          const cc = b[i + j];
          if ((cc & 0xc0) !== 0x80) ok = false;
          cp = (cp << 6) | (cc & 63);
        }
        if (ok) i += need;
        else cp = 0xfffd;
      }
    }
    if (cp > 0x10ffff) cp = 0xfffd;
    if (cp < 0x10000) units.push(cp);
    else units.push(0xd800 + ((cp - 0x10000) >> 10), 0xdc00 + ((cp - 0x10000) & 0x3ff));
  }
  return fromCodeUnits(units);
}
