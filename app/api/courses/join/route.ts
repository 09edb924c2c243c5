import { NextResponse } from "next/server";
import { requireUser } from "@/lib/auth/require";
import { joinCourse } from "@/lib/courses/join-course";
import { apiHandler, readJson } from "@/lib/http/api-handler";
import { joinCourseBody } from "./schema";

export const POST = apiHandler(async (request) => {
  const user = await requireUser("api");
  const { joinCode } = await readJson(request, joinCourseBody, 4 * 1024);
  return NextResponse.json(await joinCourse(user.id, joinCode));
});
