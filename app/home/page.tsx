import Link from "next/link";
import { requireUser } from "@/lib/auth/require";
import { listMyCourses } from "@/lib/courses/list-my-courses";
import { currentLang } from "@/lib/i18n/current-lang";
import { t } from "@/lib/i18n/messages";
import { JoinCourseForm } from "./join-course-form";
import { TeachingDashboard } from "./teaching-dashboard";
import { TopicMastery } from "./topic-mastery";

export default async function HomePage() {
  const user = await requireUser();
  const [courses, lang] = await Promise.all([listMyCourses(user.id), currentLang()]);
  // Instructors land on what they teach; a student's mastery panel means nothing to them.
  const teaches = user.role !== "STUDENT" || courses.some((c) => c.role === "INSTRUCTOR");
  return (
    <>
      <h1>{t(lang, "home")}</h1>
      {teaches && <TeachingDashboard userId={user.id} lang={lang} />}
      {teaches && courses.some((c) => c.role !== "INSTRUCTOR") && <h2>{lang === "ko" ? "수강 중인 코스" : "Courses I take"}</h2>}
      <div className="grid">
        {courses.filter((c) => !teaches || c.role !== "INSTRUCTOR").map((c) => (
          <section className="card" key={c.id}>
            <h2>
              <Link href={c.role === "INSTRUCTOR" ? `/instructor/courses/${c.id}` : `/courses/${c.id}`}>{c.title}</Link>
            </h2>
            <p className="muted">
              {c.code} · <span className="badge">{c.role.toLowerCase()}</span>
            </p>
          </section>
        ))}
      </div>
      {!teaches && <TopicMastery userId={user.id} lang={lang} />}
      <section className="card">
        <h2>{t(lang, "joinAnother")}</h2>
        <JoinCourseForm labels={{ joinCode: t(lang, "joinCode"), submit: t(lang, "join") }} />
      </section>
    </>
  );
}
