import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { loadLessons } from "@/lib/content/load-lessons";
import { refId } from "@/lib/content/lesson-schema";
import { requireUser } from "@/lib/auth/require";
import { renderMarkdown } from "@/lib/content/render-markdown";
import { currentLang } from "@/lib/i18n/current-lang";
import { getExerciseWorkspace } from "@/lib/workspace/get-exercise-workspace";
import { readExerciseContent } from "@/lib/workspace/read-exercise-content";
import { gradeStrings } from "../../courses/grade-strings";
import { workspaceStrings } from "./strings";
import { Workspace } from "./workspace";
import "./workspace.css";

export const metadata: Metadata = { title: "Exercise" };

/**
 * An exercise: the prompt beside the editor. Prompts are course content from exercises/
 * (trusted Markdown), so their HTML is rendered as is.
 */
export default async function ExercisePage({ params, searchParams }: { params: Promise<{ slug: string }>; searchParams: Promise<{ assignment?: string | string[]; submission?: string | string[]; course?: string | string[] }> }) {
  const [{ slug }, query, user, lang] = await Promise.all([params, searchParams, requireUser(), currentLang()]);
  const assignmentId = typeof query.assignment === "string" ? query.assignment : null;
  // ?submission= reopens a past submission's results (the grades page links them); the API decides what it shows.
  const initialSubmission = typeof query.submission === "string" && query.submission.length <= 64 ? query.submission : null;
  const workspace = await getExerciseWorkspace(user, slug, lang, assignmentId);
  if (!workspace) notFound();
  const { prompt, title, ...rest } = workspace;
  const s = workspaceStrings(lang);
  // The lesson on the exercise's main topic among those listing it as a related exercise (several do).
  const topics = readExerciseContent(slug, lang)?.manifest.topics ?? [];
  const rank = (topic: string) => (topics.indexOf(topic) < 0 ? topics.length : topics.indexOf(topic));
  const lesson = loadLessons()
    .filter((l) => l.exercises.some((e) => refId(e) === slug))
    .sort((a, b) => rank(a.topic) - rank(b.topic))[0];
  // The course to go back to: the assignment's, else the one whose practice list opened this
  // page (?course=, only shaped like an id: the course page itself decides who may see it).
  const fromCourse = typeof query.course === "string" && /^[a-z0-9]{1,64}$/.test(query.course) ? query.course : null;
  const courseId = rest.assignment?.courseId ?? fromCourse;
  return (
    <div className="exercise-page">
      <h1>{title}</h1>
      <nav className="workspace-links" aria-label={s.relatedPages} data-testid="workspace-links">
        <Link href={courseId ? `/courses/${courseId}` : "/home"}>← {courseId ? s.backToCourse : s.allExercises}</Link>
        {lesson && (
          <Link href={`/lessons/${lang}/${lesson.slug}`} data-testid="related-lesson">
            {s.relatedLesson}: {lesson.title[lang]}
          </Link>
        )}
      </nav>
      <div className="workspace">
        <section className="prompt card" aria-labelledby="prompt-heading" tabIndex={0}>
          <h2 id="prompt-heading">{s.prompt}</h2>
          <div className="md" dangerouslySetInnerHTML={{ __html: renderMarkdown(prompt) }} />
        </section>
        <div className="work">
          <Workspace workspace={rest} storageKey={`ipclab:draft:${user.id}:${slug}`} lang={lang} s={s} g={gradeStrings(lang)} initialSubmission={initialSubmission} />
        </div>
      </div>
    </div>
  );
}
