import { NextResponse } from "next/server";
import { requireCourseInstructor } from "@/lib/auth/require";
import { removeOverride } from "@/lib/gradebook/remove-override";
import { apiHandler, readJson } from "@/lib/http/api-handler";
import { removeOverrideBody } from "./schema";

type Ctx = { params: Promise<{ courseId: string }> };

/** Removes a student's override on an assignment (the computed grade counts again), audited. */
export const POST = apiHandler<Ctx>(async (request, { params }) => {
  const { courseId } = await params;
  const { user } = await requireCourseInstructor(courseId, "api");
  const input = await readJson(request, removeOverrideBody, 4 * 1024);
  return NextResponse.json(await removeOverride(user.id, courseId, input));
});
