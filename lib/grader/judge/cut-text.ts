/**
 * `text` cut to at most `max` characters, ending in "…" when it was cut. Never splits a
 * surrogate pair, so the result stays valid UTF-16 (and valid UTF-8 once serialized).
 * Pure: it also runs inside the judge isolate.
 */
export function cutText(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = Math.max(0, max - 1);
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return `${text.slice(0, end)}…`;
}
