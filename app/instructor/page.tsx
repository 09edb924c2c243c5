import Link from "next/link";
import { requireRole } from "@/lib/auth/require";
import { listMyCourses } from "@/lib/courses/list-my-courses";
import { currentLang } from "@/lib/i18n/current-lang";
import { t } from "@/lib/i18n/messages";
import { CreateCourseForm } from "./_components/course-forms";
import { tr } from "./_components/messages";

export default async function InstructorHome() {
  const user = await requireRole(["INSTRUCTOR", "ADMIN"]);
  const [courses, lang] = await Promise.all([listMyCourses(user.id), currentLang()]);
  const teaching = courses.filter((c) => c.role === "INSTRUCTOR");
  return (
    <>
      <h1>{t(lang, "instructor")}</h1>
      <ul>
        {teaching.map((c) => (
          <li key={c.id}>
            <Link href={`/instructor/courses/${c.id}`}>{c.title}</Link> <span className="muted">({c.code})</span>
          </li>
        ))}
      </ul>
      <section className="card" aria-labelledby="create-course-heading">
        <h2 id="create-course-heading">{tr(lang, "createCourse")}</h2>
        <CreateCourseForm lang={lang} />
      </section>
    </>
  );
}
