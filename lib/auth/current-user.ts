import { cache } from "react";
import { getServerSession } from "next-auth";
import { authOptions } from "./auth-options";
import { loadSessionUser } from "./sessions";

export type CurrentUser = NonNullable<Awaited<ReturnType<typeof loadCurrentUser>>>;

async function loadCurrentUser() {
  // getServerSession runs the jwt callback, which has already compared the token's stamp
  // with the user row (loadSessionUser, cached for the request): a revoked token has no uid.
  const session = await getServerSession(authOptions());
  const uid = (session as { uid?: string } | null)?.uid;
  if (!uid) return null;
  const user = await loadSessionUser(uid);
  if (!user) return null;
  const { id, email, name, role, locale, studentId } = user;
  return { id, email, name, role, locale, studentId };
}

/** The signed-in user, fresh from the database (once per request), or null. */
export const getCurrentUser = cache(loadCurrentUser);
