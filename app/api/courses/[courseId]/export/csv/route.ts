import { requireCourseInstructor } from "@/lib/auth/require";
import { exportGradebookCsv } from "@/lib/gradebook/export-gradebook-csv";
import { exportFileName } from "@/lib/gradebook/export-file-name";
import { apiHandler } from "@/lib/http/api-handler";

type Ctx = { params: Promise<{ courseId: string }> };

// No input beyond the course: no schema beside this route.
export const GET = apiHandler<Ctx>(async (_request, { params }) => {
  const { courseId } = await params;
  const { course } = await requireCourseInstructor(courseId, "api");
  const csv = await exportGradebookCsv(courseId);
  return new Response(csv, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${exportFileName(course.code, "grades.csv")}"`,
      "cache-control": "no-store",
    },
  });
});
