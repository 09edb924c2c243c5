import { NextResponse } from "next/server";
import { requireCourseInstructor } from "@/lib/auth/require";
import { rotateJoinCode } from "@/lib/courses/rotate-join-code";
import { apiHandler, readJson } from "@/lib/http/api-handler";
import { rotateJoinCodeBody } from "./schema";

type Ctx = { params: Promise<{ courseId: string }> };

export const POST = apiHandler<Ctx>(async (request, { params }) => {
  const { courseId } = await params;
  const { user } = await requireCourseInstructor(courseId, "api");
  await readJson(request, rotateJoinCodeBody, 1024);
  return NextResponse.json({ joinCode: await rotateJoinCode(user.id, courseId) });
});
