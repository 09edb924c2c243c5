/** What an exercise or quiz slug looks like (a folder name under exercises/, a topic id). */
export const CONTENT_SLUG = /^[a-z0-9-]{1,64}$/;

/** True for a well-formed slug: checked before a slug from a URL becomes a file path. */
export function isContentSlug(value: string): boolean {
  return CONTENT_SLUG.test(value);
}
