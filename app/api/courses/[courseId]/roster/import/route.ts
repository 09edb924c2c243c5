import { NextResponse } from "next/server";
import { requireCourseInstructor } from "@/lib/auth/require";
import { importRoster } from "@/lib/courses/import-roster";
import { previewRosterImport } from "@/lib/courses/preview-roster-import";
import { apiHandler, readJson } from "@/lib/http/api-handler";
import { ROSTER_CSV_MAX_BYTES, rosterImportBody } from "./schema";

type Ctx = { params: Promise<{ courseId: string }> };

export const POST = apiHandler<Ctx>(async (request, { params }) => {
  const { courseId } = await params;
  const { user } = await requireCourseInstructor(courseId, "api");
  const { csv, mode } = await readJson(request, rosterImportBody, ROSTER_CSV_MAX_BYTES);
  if (mode === "preview") return NextResponse.json(await previewRosterImport(courseId, csv));
  return NextResponse.json({ imported: await importRoster(user.id, courseId, csv) });
});
