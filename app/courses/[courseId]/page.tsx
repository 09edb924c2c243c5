import { notFound } from "next/navigation";
import { requireCourseMember } from "@/lib/auth/require";
import { getCourseOverview } from "@/lib/courses/get-course-overview";
import { currentLang } from "@/lib/i18n/current-lang";
import { t } from "@/lib/i18n/messages";

export default async function CoursePage({ params }: { params: Promise<{ courseId: string }> }) {
  const { courseId } = await params;
  await requireCourseMember(courseId);
  const [course, lang] = await Promise.all([getCourseOverview(courseId), currentLang()]);
  if (!course) notFound();
  return (
    <>
      <h1>{course.title}</h1>
      <p className="muted">{course.description}</p>
      <h2>{t(lang, "assignments")}</h2>
      {course.assignments.length === 0 ? (
        <p>{t(lang, "noAssignments")}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t(lang, "assignments")}</th>
              <th scope="col">{t(lang, "due")}</th>
            </tr>
          </thead>
          <tbody>
            {course.assignments.map((a) => (
              <tr key={a.id}>
                <td>{a.title}</td>
                <td>
                  <time dateTime={a.dueAt.toISOString()}>{a.dueAt.toISOString().slice(0, 16).replace("T", " ")} UTC</time>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
