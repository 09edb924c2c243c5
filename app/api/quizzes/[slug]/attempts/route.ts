import { NextResponse } from "next/server";
import { requireUser } from "@/lib/auth/require";
import { apiHandler, readJson } from "@/lib/http/api-handler";
import { startQuizAttempt } from "@/lib/quiz/attempts/start-quiz-attempt";
import { startAttemptBody } from "./schema";

/** Starts an attempt or resumes the open one; the response has public questions only. */
export const POST = apiHandler<{ params: Promise<{ slug: string }> }>(async (request, { params }) => {
  const user = await requireUser("api");
  const { slug } = await params;
  const { assignmentId } = await readJson(request, startAttemptBody, 4 * 1024);
  return NextResponse.json(await startQuizAttempt({ user, slug, assignmentId }), { headers: { "cache-control": "no-store" } });
});
