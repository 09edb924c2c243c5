import { NextResponse } from "next/server";
import { requireCourseInstructor } from "@/lib/auth/require";
import { resendInvitation } from "@/lib/courses/resend-invitation";
import { apiHandler, readJson } from "@/lib/http/api-handler";
import { resendInvitationBody } from "./schema";

type Ctx = { params: Promise<{ courseId: string }> };

export const POST = apiHandler<Ctx>(async (request, { params }) => {
  const { courseId } = await params;
  const { user } = await requireCourseInstructor(courseId, "api");
  const { email } = await readJson(request, resendInvitationBody, 2 * 1024);
  await resendInvitation(user.id, courseId, email);
  return NextResponse.json({ sent: true });
});
