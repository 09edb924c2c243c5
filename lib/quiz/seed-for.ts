/**
 * Stable per-student, per-question, per-attempt seed: the same student sees
 * the same variant on reload, another student (or the next attempt) most
 * likely a different one.
 *
 * 32-bit FNV-1a over the UTF-8 bytes of `userId NUL questionId NUL attemptNo`,
 * followed by a murmur3-style finaliser so that inputs differing in one
 * character spread over all 32 bits. Result: an unsigned 32-bit integer.
 */
export function seedFor(userId: string, questionId: string, attemptNo: number): number {
  return fnv1a32(`${userId}\u0000${questionId}\u0000${attemptNo}`);
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** 32-bit FNV-1a of the string's UTF-8 encoding, with an avalanche finaliser. */
export function fnv1a32(text: string): number {
  let h = FNV_OFFSET;
  for (const byte of new TextEncoder().encode(text)) {
    h ^= byte;
    h = Math.imul(h, FNV_PRIME);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
