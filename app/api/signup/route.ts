import { NextResponse } from "next/server";
import { signUpStudent } from "@/lib/accounts/sign-up-student";
import { db } from "@/lib/db";
import { apiHandler, readJson } from "@/lib/http/api-handler";
import { clientAddress } from "@/lib/http/client-address";
import { currentLang } from "@/lib/i18n/current-lang";
import { accountPolicy, addressPolicy, throttledAttempt } from "@/lib/rate-limit/auth-throttle";
import { signUpBody } from "./schema";

// The same 202 whether the email was free or taken (ADR 019): no user ids in the answer.
export const POST = apiHandler(async (request) => {
  const body = await readJson(request, signUpBody, 8 * 1024);
  // Wrong join codes count against the address and the email (ADR 020), so codes cannot be
  // guessed by signing up over and over.
  const emailKey = `signup:account:${body.email.trim().toLowerCase()}`;
  const subjects = [
    { key: emailKey, policy: accountPolicy() },
    { key: `signup:address:${clientAddress(request.headers)}`, policy: addressPolicy() },
  ];
  const locale = await currentLang();
  const accepted = await throttledAttempt(db(), subjects, "sign-up attempts", () => signUpStudent({ ...body, locale }), { succeededKeys: [emailKey] });
  return NextResponse.json(accepted, { status: 202 });
});
