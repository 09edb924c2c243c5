import { NextResponse } from "next/server";
import { signUpStudent } from "@/lib/accounts/sign-up-student";
import { apiHandler, readJson } from "@/lib/http/api-handler";
import { signUpBody } from "./schema";

export const POST = apiHandler(async (request) => {
  const body = await readJson(request, signUpBody, 8 * 1024);
  const { userId, courseId } = await signUpStudent(body);
  return NextResponse.json({ userId, courseId }, { status: 201 });
});
