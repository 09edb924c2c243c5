import Link from "next/link";
import { requireCourseInstructor } from "@/lib/auth/require";
import { defaultAssignmentSettings } from "@/lib/assignments/default-assignment-settings";
import { listAssignableContent } from "@/lib/assignments/list-assignable-content";
import { listCourseAssignments } from "@/lib/assignments/list-course-assignments";
import { currentLang } from "@/lib/i18n/current-lang";
import { AssignmentForm } from "../../../_components/assignment-form";
import { CourseNav } from "../../../_components/course-nav";
import { formatDate } from "../../../_components/format";
import { tr } from "../../../_components/messages";
import "../../../_components/instructor.css";

export default async function AssignmentsPage({ params }: { params: Promise<{ courseId: string }> }) {
  const { courseId } = await params;
  const { course } = await requireCourseInstructor(courseId);
  const [assignments, content, lang] = await Promise.all([listCourseAssignments(courseId), listAssignableContent(), currentLang()]);
  const title = (c: { titleEn: string; titleKo: string }) => (lang === "ko" ? c.titleKo : c.titleEn);
  const defaults = defaultAssignmentSettings();
  return (
    <>
      <h1>{course.title}</h1>
      <CourseNav lang={lang} courseId={courseId} current="assignments" />
      <h2>{tr(lang, "assignments")}</h2>
      <table>
        <thead>
          <tr>
            <th scope="col">{tr(lang, "title")}</th>
            <th scope="col">{tr(lang, "kind")}</th>
            <th scope="col">{tr(lang, "dueAt")}</th>
            <th scope="col">{tr(lang, "status")}</th>
            <th scope="col">{tr(lang, "submissions")}</th>
          </tr>
        </thead>
        <tbody>
          {assignments.map((a) => (
            <tr key={a.id}>
              <td>
                <Link href={`/instructor/courses/${courseId}/assignments/${a.id}`}>{a.title}</Link> <span className="muted">({a.exercise?.slug ?? a.quiz?.slug})</span>
              </td>
              <td>{a.kind === "EXERCISE" ? tr(lang, "exercise") : tr(lang, "quiz")}</td>
              <td>{formatDate(a.dueAt)}</td>
              <td>{a.published ? tr(lang, "published") : tr(lang, "draft")}</td>
              <td>{a._count.submissions + a._count.attempts}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <section className="card" aria-labelledby="new-assignment-heading" style={{ marginTop: "1rem" }}>
        <h2 id="new-assignment-heading">{tr(lang, "newAssignment")}</h2>
        <AssignmentForm
          lang={lang}
          courseId={courseId}
          exercises={content.exercises.map((e) => ({ slug: e.slug, title: title(e) }))}
          quizzes={content.quizzes.map((q) => ({ slug: q.slug, title: title(q) }))}
          initial={{ ...defaults, opensAt: defaults.opensAt.toISOString(), dueAt: defaults.dueAt.toISOString(), lateUntil: null }}
        />
      </section>
    </>
  );
}
