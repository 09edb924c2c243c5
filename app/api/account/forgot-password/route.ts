import { NextResponse } from "next/server";
import { requestPasswordReset } from "@/lib/accounts/request-password-reset";
import { apiHandler, readJson } from "@/lib/http/api-handler";
import { forgotPasswordBody } from "./schema";

// One answer whether or not the address has an account.
export const POST = apiHandler(async (request) => {
  const { email } = await readJson(request, forgotPasswordBody, 2 * 1024);
  await requestPasswordReset(email);
  return NextResponse.json({ status: "accepted", message: "If this address has an account, a reset link is on its way." }, { status: 202 });
});
