import { NextResponse } from "next/server";
import { requireCourseInstructor } from "@/lib/auth/require";
import { exportFileName } from "@/lib/gradebook/export-file-name";
import { apiHandler } from "@/lib/http/api-handler";
import { getItemStatistics } from "@/lib/item-statistics/get-item-statistics";
import { itemStatisticsCsv } from "@/lib/item-statistics/item-statistics-csv";
import { itemStatisticsQuery } from "./schema";

type Ctx = { params: Promise<{ courseId: string; assignmentId: string }> };

export const GET = apiHandler<Ctx>(async (request, { params }) => {
  const { courseId, assignmentId } = await params;
  const { course } = await requireCourseInstructor(courseId, "api");
  const { format } = itemStatisticsQuery.parse(Object.fromEntries(new URL(request.url).searchParams));
  const stats = await getItemStatistics(courseId, assignmentId);
  if (format === "json") return NextResponse.json(stats, { headers: { "cache-control": "no-store" } });
  return new Response(itemStatisticsCsv(stats), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${exportFileName(course.code, `item-statistics-${assignmentId}.csv`)}"`,
      "cache-control": "no-store",
    },
  });
});
