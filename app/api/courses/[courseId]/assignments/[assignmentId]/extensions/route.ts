import { NextResponse } from "next/server";
import { requireCourseInstructor } from "@/lib/auth/require";
import { grantExtension } from "@/lib/assignments/grant-extension";
import { apiHandler, readJson } from "@/lib/http/api-handler";
import { grantExtensionBody } from "./schema";

type Ctx = { params: Promise<{ courseId: string; assignmentId: string }> };

export const POST = apiHandler<Ctx>(async (request, { params }) => {
  const { courseId, assignmentId } = await params;
  const { user } = await requireCourseInstructor(courseId, "api");
  const input = await readJson(request, grantExtensionBody, 4 * 1024);
  return NextResponse.json({ extension: await grantExtension(user.id, courseId, assignmentId, input) }, { status: 201 });
});
