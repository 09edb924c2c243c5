import Link from "next/link";
import { loadLessons } from "@/lib/content/load-lessons";
import type { Lang } from "@/lib/i18n/messages";
import { getTopicMasteryWithExercises } from "@/lib/quiz/attempts/get-topic-mastery-with-exercises";
import "./mastery.css";

/** Per-topic mastery from the user's quiz attempts and graded exercises, in lesson order, each linking to its quiz. */
export async function TopicMastery({ userId, lang }: { userId: string; lang: Lang }) {
  const mastery = await getTopicMasteryWithExercises(userId);
  const lessons = loadLessons();
  return (
    <section className="card" aria-labelledby="mastery-heading" data-testid="topic-mastery">
      <h2 id="mastery-heading">{lang === "ko" ? "주제별 숙련도" : "Mastery by topic"}</h2>
      <p className="muted">
        {lang === "ko" ? "주제의 퀴즈 문제와 코딩 실습 각각에서 받은 최고 점수의 평균입니다(풀지 않은 것은 0)." : "The mean of your best score on each quiz question and coding exercise of the topic (those not tried yet count 0)."}
      </p>
      <ul className="mastery-list">
        {lessons.map((l) => {
          const pct = Math.round((mastery[l.topic] ?? 0) * 100);
          return (
            <li key={l.topic} data-topic={l.topic}>
              <Link href={`/quizzes/${l.topic}`}>{l.title[lang]}</Link>
              <meter min={0} max={100} value={pct} aria-label={`${l.title[lang]}: ${pct}%`} />
              <span data-testid={`mastery-${l.topic}`}>{pct}%</span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
