import { NextResponse } from "next/server";
import { endUserSessions } from "@/lib/accounts/end-user-sessions";
import { requireRole } from "@/lib/auth/require";
import { apiHandler, readJson } from "@/lib/http/api-handler";
import { revokeSessionsBody } from "./schema";

/** Admins only: sign an account out everywhere. */
export const POST = apiHandler(async (request) => {
  const user = await requireRole("ADMIN", "api");
  const { userId } = await readJson(request, revokeSessionsBody, 1024);
  return NextResponse.json(await endUserSessions(user, userId));
});
