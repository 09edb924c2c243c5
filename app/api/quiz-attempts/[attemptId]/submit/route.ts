import { NextResponse } from "next/server";
import { requireUser } from "@/lib/auth/require";
import { apiHandler, readJson } from "@/lib/http/api-handler";
import { submitQuizAttempt } from "@/lib/quiz/attempts/submit-quiz-attempt";
import { submitAttemptBody } from "./schema";

/** Grades the attempt on the server; answers and explanations are revealed only in this response. */
export const POST = apiHandler<{ params: Promise<{ attemptId: string }> }>(async (request, { params }) => {
  const user = await requireUser("api");
  const { attemptId } = await params;
  const { responses } = await readJson(request, submitAttemptBody);
  return NextResponse.json(await submitQuizAttempt({ userId: user.id, attemptId, responses }), { headers: { "cache-control": "no-store" } });
});
