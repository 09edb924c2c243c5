import { requireCourseInstructor } from "@/lib/auth/require";
import { getRoster } from "@/lib/courses/get-roster";
import { currentLang } from "@/lib/i18n/current-lang";
import { t } from "@/lib/i18n/messages";

export default async function InstructorCoursePage({ params }: { params: Promise<{ courseId: string }> }) {
  const { courseId } = await params;
  const { course } = await requireCourseInstructor(courseId);
  const [roster, lang] = await Promise.all([getRoster(courseId), currentLang()]);
  return (
    <>
      <h1>{course.title}</h1>
      <p>
        {t(lang, "joinCode")}: <code data-testid="join-code">{course.joinCode}</code>
      </p>
      <h2>{t(lang, "roster")}</h2>
      <table>
        <thead>
          <tr>
            <th scope="col">{t(lang, "name")}</th>
            <th scope="col">{t(lang, "email")}</th>
            <th scope="col">{t(lang, "studentId")}</th>
            <th scope="col">{t(lang, "role")}</th>
          </tr>
        </thead>
        <tbody>
          {roster.map((r) => (
            <tr key={r.id}>
              <td>{r.name}</td>
              <td>{r.email}</td>
              <td>{r.studentId ?? ""}</td>
              <td>{r.role.toLowerCase()}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
