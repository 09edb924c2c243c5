import Link from "next/link";
import { SAMPLE_TRACE } from "./_components/landing/sample-trace";
import { TimelineView } from "./_components/timeline/timeline-view";
import { currentLang } from "@/lib/i18n/current-lang";
import { t } from "@/lib/i18n/messages";

export default async function LandingPage() {
  const lang = await currentLang();
  const ko = lang === "ko";
  return (
    <>
      <h1>{t(lang, "appName")}</h1>
      <p className="lead">{t(lang, "tagline")}</p>
      <div className="grid">
        <section className="card">
          <h2>{ko ? "레슨과 퀴즈" : "Lessons and quizzes"}</h2>
          <p>
            {ko
              ? "파이프, 메시지 큐, 공유 메모리, 세마포어, 시그널, 소켓을 한국어와 영어로 배우고, 즉시 채점되는 퀴즈로 확인하세요."
              : "Pipes, message queues, shared memory, semaphores, signals and sockets, in Korean and English, with quizzes graded instantly."}
          </p>
          <Link href="/lessons">{t(lang, "lessons")} →</Link>
        </section>
        <section className="card">
          <h2>{ko ? "코딩 실습" : "Coding exercises"}</h2>
          <p>
            {ko
              ? "경쟁 조건을 고치고 파이프라인을 만드세요. 결정론적 스케줄러가 인터리빙을 탐색해 코드를 깨뜨리는 실행 순서를 보여 줍니다."
              : "Fix the race, build the pipeline. A deterministic scheduler explores interleavings and shows the one that breaks your code."}
          </p>
        </section>
        <section className="card">
          <h2>{ko ? "시작하기" : "Get started"}</h2>
          <p>{ko ? "레슨과 위젯은 가입 없이 바로 볼 수 있습니다." : "Lessons and their live widgets need no account."}</p>
          <ul className="landing-try" data-testid="try-without-account">
            <li>
              <Link href={`/lessons/${lang}/race-conditions`}>{ko ? "레슨 체험: 경쟁 조건" : "Try a lesson: race conditions"} →</Link>
            </li>
            <li>
              <Link href={`/lessons/${lang}/pipes`}>{ko ? "레슨 체험: 파이프" : "Try a lesson: pipes"} →</Link>
            </li>
          </ul>
          <p>
            <Link href="/signin">{t(lang, "signIn")}</Link> · <Link href="/signup">{t(lang, "signUp")}</Link>
          </p>
        </section>
      </div>
      <section className="card landing-demo" aria-labelledby="landing-demo-heading" data-testid="landing-demo">
        <h2 id="landing-demo-heading">{ko ? "채점 결과는 코드를 깨뜨린 실행 순서를 보여 줍니다" : "Grading shows the interleaving that broke the code"}</h2>
        <p className="muted">
          {ko
            ? "두 창구가 같은 잔액에 입금합니다. 한 창구가 읽은 뒤 선점되어, 다른 창구의 입금을 덮어씁니다. 단계를 넘겨 보세요."
            : "Two tellers deposit into the same balance. One is preempted between its load and its store, and overwrites the other's deposit. Step through it."}
        </p>
        <TimelineView shown={{ title: ko ? "예: 잃어버린 입금" : "Example: a lost deposit", trace: SAMPLE_TRACE }} lang={lang} />
      </section>
    </>
  );
}
