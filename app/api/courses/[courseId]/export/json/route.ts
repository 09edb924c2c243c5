import { requireCourseInstructor } from "@/lib/auth/require";
import { exportCourseJson } from "@/lib/gradebook/export-course-json";
import { exportFileName } from "@/lib/gradebook/export-file-name";
import { apiHandler } from "@/lib/http/api-handler";
import { textStream } from "@/lib/http/text-stream";

type Ctx = { params: Promise<{ courseId: string }> };

// No input beyond the course: no schema beside this route.
export const GET = apiHandler<Ctx>(async (_request, { params }) => {
  const { courseId } = await params;
  const { course } = await requireCourseInstructor(courseId, "api");
  return new Response(textStream(exportCourseJson(courseId), `course export ${courseId}`), {
    headers: {
      "content-type": "application/json; charset=utf-8",
      "content-disposition": `attachment; filename="${exportFileName(course.code, "course.json")}"`,
      "cache-control": "no-store",
    },
  });
});
