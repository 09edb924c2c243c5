import { NextResponse } from "next/server";
import { setPasswordWithToken } from "@/lib/accounts/set-password-with-token";
import { apiHandler, readJson } from "@/lib/http/api-handler";
import { setPasswordBody } from "./schema";

// Accepts an invitation or a reset link (the token says which).
export const POST = apiHandler(async (request) => {
  const { token, password } = await readJson(request, setPasswordBody, 4 * 1024);
  return NextResponse.json(await setPasswordWithToken(token, password));
});
