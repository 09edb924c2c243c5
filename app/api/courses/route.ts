import { NextResponse } from "next/server";
import { requireUser } from "@/lib/auth/require";
import { listMyCourses } from "@/lib/courses/list-my-courses";
import { apiHandler } from "@/lib/http/api-handler";

export const GET = apiHandler(async () => {
  const user = await requireUser("api");
  return NextResponse.json({ courses: await listMyCourses(user.id) });
});
