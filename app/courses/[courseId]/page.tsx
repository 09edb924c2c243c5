import Link from "next/link";
import { notFound } from "next/navigation";
import { requireCourseMember } from "@/lib/auth/require";
import { currentLang } from "@/lib/i18n/current-lang";
import { t } from "@/lib/i18n/messages";
import { getCourseHome } from "@/lib/workspace/get-course-home";
import { TopicMastery } from "../../home/topic-mastery";
import { gradeStrings } from "../grade-strings";
import { GradeSummary } from "../grade-summary";
import { LocalTime } from "../local-time";
import "./course.css";

const STATE_LABEL = {
  "not-open": { ko: "열리기 전", en: "Not open yet" },
  "on-time": { ko: "진행 중", en: "Open" },
  late: { ko: "지각 제출 기간", en: "Late window" },
  closed: { ko: "마감", en: "Closed" },
} as const;

const text = {
  opens: { ko: "시작", en: "Opens" },
  status: { ko: "상태", en: "Status" },
  best: { ko: "최고 점수", en: "Best score" },
  extended: { ko: "연장됨", en: "extended" },
  attempts: { ko: "시도", en: "Attempts" },
  practice: { ko: "연습 문제", en: "Practice exercises" },
  practiceHelp: { ko: "모든 연습 문제입니다. 과제와 별개로 언제든 풀 수 있습니다.", en: "Every exercise, to practise any time (apart from assignments)." },
  difficulty: { ko: "난이도", en: "Difficulty" },
  exercise: { ko: "문제", en: "Exercise" },
  notTried: { ko: "아직 안 풂", en: "Not tried" },
  quiz: { ko: "퀴즈", en: "Quiz" },
};

/** A course as its members see it: assignments with deadlines and my progress, practice exercises, quizzes. */
export default async function CoursePage({ params }: { params: Promise<{ courseId: string }> }) {
  const { courseId } = await params;
  const { user } = await requireCourseMember(courseId);
  const [course, lang] = await Promise.all([getCourseHome(courseId, user.id), currentLang()]);
  if (!course) notFound();
  const g = gradeStrings(lang);
  return (
    <div className="course-page">
      <h1>{course.title}</h1>
      <p className="muted">{course.description}</p>
      <section aria-labelledby="assignments-heading">
        <h2 id="assignments-heading">{t(lang, "assignments")}</h2>
        <p>
          <Link href={`/courses/${course.id}/grades`} data-testid="my-grades-link">
            {g.myGrades}
          </Link>
        </p>
        {course.assignments.length === 0 ? (
          <p>{t(lang, "noAssignments")}</p>
        ) : (
          <div className="table-scroll">
            <table data-testid="assignments">
              <thead>
                <tr>
                  <th scope="col">{t(lang, "assignments")}</th>
                  <th scope="col">{text.opens[lang]}</th>
                  <th scope="col">{t(lang, "due")}</th>
                  <th scope="col">{text.status[lang]}</th>
                  <th scope="col">{g.grade}</th>
                  <th scope="col">{text.attempts[lang]}</th>
                </tr>
              </thead>
              <tbody>
                {course.assignments.map((a) => (
                  <tr key={a.id} data-testid="assignment-row">
                    <th scope="row">
                      {a.href ? <Link href={a.href}>{a.title}</Link> : a.title} {a.kind === "QUIZ" && <span className="badge">{text.quiz[lang]}</span>}
                    </th>
                    <td>
                      <LocalTime iso={a.opensAt} lang={lang} />
                    </td>
                    <td>
                      <LocalTime iso={a.dueAt} lang={lang} testId="due-time" />
                      {a.lateUntil && a.lateUntil !== a.dueAt && (
                        <span className="muted small">
                          {" "}
                          ({STATE_LABEL.late[lang]}: <LocalTime iso={a.lateUntil} lang={lang} />)
                        </span>
                      )}
                    </td>
                    <td>
                      <span className={`state state-${a.state}`}>{STATE_LABEL[a.state][lang]}</span>
                      {a.extended && <span className="muted small"> · {text.extended[lang]}</span>}
                    </td>
                    <td>
                      <GradeSummary grade={a.grade} s={g} testId={`grade-${a.id}`} />
                    </td>
                    <td>
                      {a.grade.attempts}
                      {a.maxAttempts !== null && ` / ${a.maxAttempts}`}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <section aria-labelledby="practice-heading">
        <h2 id="practice-heading">{text.practice[lang]}</h2>
        <p className="muted">{text.practiceHelp[lang]}</p>
        <ul className="exercise-list" data-testid="practice-exercises">
          {course.exercises.map((e) => (
            <li key={e.slug} className="card">
              {/* ?course= lets the workspace link back here (practice has no assignment to name the course). */}
              <Link href={`/exercises/${e.slug}?course=${course.id}`}>{e.title[lang]}</Link>
              <span className="muted small">
                {text.difficulty[lang]} {"★".repeat(e.difficulty)}
                <span className="visually-hidden"> ({e.difficulty}/3)</span>
              </span>
              <span className="small">{e.bestScore === null ? text.notTried[lang] : `${text.best[lang]}: ${e.bestScore} / ${e.maxScore}`}</span>
            </li>
          ))}
        </ul>
      </section>
      <TopicMastery userId={user.id} lang={lang} />
    </div>
  );
}
