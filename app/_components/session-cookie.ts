import { cookies } from "next/headers";

/**
 * Whether the request carries a session cookie (its presence only, not its validity): pages
 * skip the browser's "who am I" requests without one, which would only answer 401.
 * NextAuth 4 names it next-auth.session-token (__Secure- on https), split into .0, .1… when large.
 */
export async function hasSessionCookie(): Promise<boolean> {
  return (await cookies()).getAll().some((c) => /^(__Secure-)?next-auth\.session-token(\.\d+)?$/.test(c.name));
}
