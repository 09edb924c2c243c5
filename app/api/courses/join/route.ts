import { NextResponse } from "next/server";
import { requireUser } from "@/lib/auth/require";
import { joinCourse } from "@/lib/courses/join-course";
import { db } from "@/lib/db";
import { apiHandler, readJson } from "@/lib/http/api-handler";
import { clientAddress } from "@/lib/http/client-address";
import { accountPolicy, addressPolicy, throttledAttempt } from "@/lib/rate-limit/auth-throttle";
import { joinCourseBody } from "./schema";

export const POST = apiHandler(async (request) => {
  const user = await requireUser("api");
  const { joinCode } = await readJson(request, joinCourseBody, 4 * 1024);
  // Wrong join codes count against the account and the address (ADR 020).
  const accountKey = `join:account:${user.id}`;
  const subjects = [
    { key: accountKey, policy: accountPolicy() },
    { key: `join:address:${clientAddress(request.headers)}`, policy: addressPolicy() },
  ];
  return NextResponse.json(await throttledAttempt(db(), subjects, "join-code attempts", () => joinCourse(user.id, joinCode), { succeededKeys: [accountKey] }));
});
