import { NextResponse } from "next/server";
import { requireCourseInstructor } from "@/lib/auth/require";
import { revokeExtension } from "@/lib/assignments/revoke-extension";
import { apiHandler, readJson } from "@/lib/http/api-handler";
import { revokeExtensionBody } from "./schema";

type Ctx = { params: Promise<{ courseId: string; assignmentId: string }> };

/** Takes back one student's extension on an assignment, audited. */
export const POST = apiHandler<Ctx>(async (request, { params }) => {
  const { courseId, assignmentId } = await params;
  const { user } = await requireCourseInstructor(courseId, "api");
  const { userId } = await readJson(request, revokeExtensionBody, 4 * 1024);
  return NextResponse.json(await revokeExtension(user.id, courseId, assignmentId, userId));
});
