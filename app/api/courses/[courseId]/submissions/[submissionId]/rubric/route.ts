import { NextResponse } from "next/server";
import { requireCourseInstructor } from "@/lib/auth/require";
import { apiHandler, readJson } from "@/lib/http/api-handler";
import { setRubricMark } from "@/lib/feedback/set-rubric-mark";
import { setRubricMarkBody } from "./schema";

type Ctx = { params: Promise<{ courseId: string; submissionId: string }> };

export const POST = apiHandler<Ctx>(async (request, { params }) => {
  const { courseId, submissionId } = await params;
  const { user } = await requireCourseInstructor(courseId, "api");
  const input = await readJson(request, setRubricMarkBody, 4 * 1024);
  return NextResponse.json({ mark: await setRubricMark(user.id, courseId, submissionId, input) });
});
