import Link from "next/link";
import { getTeachingDashboard } from "@/lib/courses/get-teaching-dashboard";
import type { Lang } from "@/lib/i18n/messages";
import { LocalTime } from "../courses/local-time";

const T = {
  ko: {
    heading: "강의 현황",
    none: "아직 가르치는 코스가 없습니다.",
    create: "코스 만들기",
    students: (n: number) => `학생 ${n}명`,
    attention: "확인이 필요한 것",
    ungraded: (n: number) => `채점 대기 중인 제출 ${n}건`,
    failed: (n: number) => `채점에 실패한 제출 ${n}건`,
    nothing: "확인할 것이 없습니다.",
    due: "이번 주 마감",
    noDue: "7일 안에 마감되는 과제가 없습니다.",
    submitted: (n: number, of: number) => `${of}명 중 ${n}명 제출`,
    open: "코스 관리",
    grades: "성적부",
  },
  en: {
    heading: "Teaching",
    none: "You don't teach a course yet.",
    create: "Create a course",
    students: (n: number) => (n === 1 ? "1 student" : `${n} students`),
    attention: "Needs attention",
    ungraded: (n: number) => (n === 1 ? "1 submission waiting for the grader" : `${n} submissions waiting for the grader`),
    failed: (n: number) => (n === 1 ? "1 submission whose grading failed" : `${n} submissions whose grading failed`),
    nothing: "Nothing needs attention.",
    due: "Due this week",
    noDue: "No assignment is due in the next 7 days.",
    submitted: (n: number, of: number) => `${n} of ${of} submitted`,
    open: "Manage the course",
    grades: "Grade book",
  },
} as const;

/** An instructor's landing page: the courses they teach, what needs attention and this week's deadlines. */
export async function TeachingDashboard({ userId, lang }: { userId: string; lang: Lang }) {
  const courses = await getTeachingDashboard(userId);
  const t = T[lang];
  return (
    <section aria-labelledby="teaching-heading" data-testid="teaching-dashboard">
      <h2 id="teaching-heading">{t.heading}</h2>
      {courses.length === 0 && (
        <p>
          {t.none} <Link href="/instructor">{t.create} →</Link>
        </p>
      )}
      <div className="grid">
        {courses.map((c) => (
          <section className="card" key={c.id} data-testid="teaching-course">
            <h3>
              <Link href={`/instructor/courses/${c.id}`}>{c.title}</Link>
            </h3>
            <p className="muted">
              {c.code} · {t.students(c.students)} · <Link href={`/instructor/courses/${c.id}/grades`}>{t.grades}</Link>
            </p>
            <h4>{t.attention}</h4>
            {c.ungraded === 0 && c.failedCount === 0 ? (
              <p className="muted">{t.nothing}</p>
            ) : (
              <ul data-testid="needs-attention">
                {c.ungraded > 0 && <li>{t.ungraded(c.ungraded)}</li>}
                {c.failedCount > 0 && (
                  <li>
                    {t.failed(c.failedCount)}
                    <ul>
                      {c.failed.map((f) => (
                        <li key={f.id}>
                          <Link href={`/instructor/courses/${c.id}/submissions/${f.id}`}>
                            {f.student}
                            {f.assignment ? ` — ${f.assignment}` : ""}
                          </Link>{" "}
                          <span className="muted small">
                            <LocalTime iso={f.submittedAt} lang={lang} />
                          </span>
                        </li>
                      ))}
                    </ul>
                  </li>
                )}
              </ul>
            )}
            <h4>{t.due}</h4>
            {c.dueThisWeek.length === 0 ? (
              <p className="muted">{t.noDue}</p>
            ) : (
              <ul data-testid="due-this-week">
                {c.dueThisWeek.map((a) => (
                  <li key={a.id}>
                    <Link href={`/instructor/courses/${c.id}/assignments/${a.id}`}>{a.title}</Link> · <LocalTime iso={a.dueAt} lang={lang} /> · <span className="muted">{t.submitted(a.submitted, c.students)}</span>
                  </li>
                ))}
              </ul>
            )}
          </section>
        ))}
      </div>
    </section>
  );
}
