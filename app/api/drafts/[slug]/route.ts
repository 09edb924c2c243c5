import { NextResponse } from "next/server";
import { requireUser } from "@/lib/auth/require";
import { apiHandler, readJson } from "@/lib/http/api-handler";
import { MAX_SOURCE_REQUEST_BYTES } from "@/lib/grader/limits";
import { saveDraft } from "@/lib/workspace/save-draft";
import { draftParams, saveDraftBody } from "./schema";

/**
 * Saves my draft of an exercise. POST, also from the keepalive fetch the page sends when it
 * is hidden or closed (JSON like every API write: lib/http/cross-site.ts).
 */
export const POST = apiHandler<{ params: Promise<{ slug: string }> }>(async (request, { params }) => {
  const user = await requireUser("api");
  const { slug } = draftParams.parse(await params);
  const { source } = await readJson(request, saveDraftBody, MAX_SOURCE_REQUEST_BYTES);
  const { updatedAt } = await saveDraft(user.id, slug, source);
  return NextResponse.json({ updatedAt: updatedAt.toISOString() });
});
