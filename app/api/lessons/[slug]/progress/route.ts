import { NextResponse } from "next/server";
import { requireUser } from "@/lib/auth/require";
import { getLessonProgress } from "@/lib/content/get-lesson-progress";
import { markLessonRead } from "@/lib/content/mark-lesson-read";
import { apiHandler } from "@/lib/http/api-handler";
import { lessonSlugParam } from "./schema";

type Context = { params: Promise<{ slug: string }> };

/** Whether the signed-in user has read the lesson (the static lesson page asks from the browser). */
export const GET = apiHandler<Context>(async (_request, { params }) => {
  const user = await requireUser("api");
  const slug = lessonSlugParam.parse((await params).slug);
  return NextResponse.json(await getLessonProgress(user.id, slug), { headers: { "cache-control": "no-store" } });
});

/** Marks the lesson as read. */
export const POST = apiHandler<Context>(async (_request, { params }) => {
  const user = await requireUser("api");
  const slug = lessonSlugParam.parse((await params).slug);
  return NextResponse.json(await markLessonRead(user.id, slug));
});
