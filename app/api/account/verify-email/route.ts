import { NextResponse } from "next/server";
import { verifyEmailWithToken } from "@/lib/accounts/verify-email-with-token";
import { apiHandler, readJson } from "@/lib/http/api-handler";
import { verifyEmailBody } from "./schema";

// A POST from the page the link opens, never the GET itself: mail scanners prefetch links.
export const POST = apiHandler(async (request) => {
  const { token } = await readJson(request, verifyEmailBody, 2 * 1024);
  return NextResponse.json(await verifyEmailWithToken(token));
});
