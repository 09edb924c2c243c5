/** Tiny UTF-8 codec: TextEncoder is not guaranteed inside the isolate. */
export function utf8Encode(s: string): Uint8Array {
  const out: number[] = [];
  for (let i = 0; i < s.length; i++) {
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

/** Invalid or truncated sequences become U+FFFD, as a terminal would show them. */
export function utf8Decode(b: Uint8Array): string {
  let s = "";
  let i = 0;
  while (i < b.length) {
    const c = b[i];
    let cp = 0xfffd;
    let need = 0;
    if (c < 0x80) cp = c;
    else if (c >= 0xc2 && c < 0xe0) (need = 1), (cp = c & 31);
    else if (c >= 0xe0 && c < 0xf0) (need = 2), (cp = c & 15);
    else if (c >= 0xf0 && c < 0xf5) (need = 3), (cp = c & 7);
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
    s += String.fromCodePoint(cp);
  }
  return s;
}
