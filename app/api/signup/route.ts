import { NextResponse } from "next/server";
import { signUpStudent } from "@/lib/accounts/sign-up-student";
import { apiHandler, readJson } from "@/lib/http/api-handler";
import { currentLang } from "@/lib/i18n/current-lang";
import { signUpBody } from "./schema";

// The same 202 whether the email was free or taken (ADR 019): no user ids in the answer.
export const POST = apiHandler(async (request) => {
  const body = await readJson(request, signUpBody, 8 * 1024);
  return NextResponse.json(await signUpStudent({ ...body, locale: await currentLang() }), { status: 202 });
});
