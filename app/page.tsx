import Link from "next/link";
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
          <p>
            <Link href="/signin">{t(lang, "signIn")}</Link> · <Link href="/signup">{t(lang, "signUp")}</Link>
          </p>
        </section>
      </div>
    </>
  );
}
