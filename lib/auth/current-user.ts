import { cache } from "react";
import { getServerSession } from "next-auth";
import { db } from "../db";
import { authOptions } from "./auth-options";

export type CurrentUser = NonNullable<Awaited<ReturnType<typeof loadCurrentUser>>>;

async function loadCurrentUser() {
  const session = await getServerSession(authOptions());
  const uid = (session as { uid?: string } | null)?.uid;
  if (!uid) return null;
  return db().user.findUnique({ where: { id: uid }, select: { id: true, email: true, name: true, role: true, locale: true, studentId: true } });
}

/** The signed-in user, fresh from the database (once per request), or null. */
export const getCurrentUser = cache(loadCurrentUser);
