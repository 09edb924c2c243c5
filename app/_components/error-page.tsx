import Link from "next/link";
import type { Lang } from "@/lib/i18n/messages";

const WAYS_BACK = {
  ko: { home: "내 홈으로", lessons: "레슨 목록", landing: "첫 페이지" },
  en: { home: "Go to your home page", lessons: "Browse the lessons", landing: "Front page" },
} as const;

/** The body of the 403 and 404 pages: what happened, and links back into the site. */
export function ErrorPage({ code, message, lang, testId }: { code: string; message: string; lang: Lang; testId?: string }) {
  const w = WAYS_BACK[lang];
  return (
    <section className="error-page card">
      <h1>{code}</h1>
      <p data-testid={testId}>{message}</p>
      <nav aria-label={lang === "ko" ? "돌아가기" : "Ways back"} data-testid="error-ways-back">
        <ul>
          <li>
            <Link href="/home">← {w.home}</Link>
          </li>
          <li>
            <Link href="/lessons">{w.lessons}</Link>
          </li>
          <li>
            <Link href="/">{w.landing}</Link>
          </li>
        </ul>
      </nav>
    </section>
  );
}
