/**
 * next-auth reports an error thrown by `authorize` as its message (`?error=`, or `error` from
 * `signIn(..., { redirect: false })`). A throttled sign-in throws this prefix followed by
 * the ISO time from which to retry; the sign-in form turns it into a sentence.
 */
export const THROTTLED_PREFIX = "TooManyAttempts:";

/** The retry time of a throttled sign-in's error, or null for any other error. */
export function throttledUntil(error: string | null | undefined): Date | null {
  if (!error?.startsWith(THROTTLED_PREFIX)) return null;
  const at = new Date(error.slice(THROTTLED_PREFIX.length));
  return Number.isNaN(at.getTime()) ? null : at;
}
