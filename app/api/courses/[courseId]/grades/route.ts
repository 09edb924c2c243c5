import { NextResponse } from "next/server";
import { requireCourseInstructor } from "@/lib/auth/require";
import { getGradebook } from "@/lib/gradebook/get-gradebook";
import { apiHandler } from "@/lib/http/api-handler";
import { gradebookQuery } from "./schema";

type Ctx = { params: Promise<{ courseId: string }> };

export const GET = apiHandler<Ctx>(async (request, { params }) => {
  const { courseId } = await params;
  await requireCourseInstructor(courseId, "api");
  const query = gradebookQuery.parse(Object.fromEntries(new URL(request.url).searchParams));
  return NextResponse.json(await getGradebook(courseId, query));
});
