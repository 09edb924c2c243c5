"use client";

import Link from "next/link";
import { usePathname, useRouter } from "next/navigation";
import { useEffect, useState, useSyncExternalStore } from "react";
import { signOut } from "next-auth/react";
import { isLang, t, type Lang } from "@/lib/i18n/messages";

type Me = { name: string; role: "STUDENT" | "INSTRUCTOR" | "ADMIN" };

function cookieLang(): Lang | null {
  const match = /(?:^|;\s*)lang=(ko|en)/.exec(document.cookie);
  return match && isLang(match[1]) ? match[1] : null;
}

/** Lesson URLs carry their language (/lessons/en/…); elsewhere the cookie decides. */
function pathLang(pathname: string): Lang | null {
  const match = /^\/lessons\/(ko|en)(\/|$)/.exec(pathname);
  return match ? (match[1] as Lang) : null;
}

/** `mayBeSignedIn`: a session cookie came with the page (the layout re-renders on sign-in's router.refresh()). */
export function SiteHeader({ mayBeSignedIn }: { mayBeSignedIn: boolean }) {
  const pathname = usePathname();
  const router = useRouter();
  const [picked, setPicked] = useState<Lang | null>(null);
  const [me, setMe] = useState<Me | null | undefined>(undefined);
  // The cookie (or the browser's language) is read on the client only; the server renders Korean.
  const stored = useSyncExternalStore(
    () => () => {},
    () => cookieLang() ?? (navigator.language.startsWith("en") ? "en" : "ko"),
    () => null,
  );
  const lang: Lang = pathLang(pathname) ?? picked ?? stored ?? "ko";

  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);

  useEffect(() => {
    let cancelled = false;
    if (!mayBeSignedIn) {
      // No session cookie: signed out for sure, and /api/me would only answer 401 (a console error on every page).
      queueMicrotask(() => !cancelled && setMe(null));
      return () => {
        cancelled = true;
      };
    }
    fetch("/api/me", { cache: "no-store" })
      .then((r) => (r.ok ? (r.json() as Promise<{ user: Me }>) : null))
      .then((body) => !cancelled && setMe(body?.user ?? null))
      .catch(() => !cancelled && setMe(null));
    return () => {
      cancelled = true;
    };
  }, [pathname, mayBeSignedIn]);

  const choose = (next: Lang) => {
    document.cookie = `lang=${next}; path=/; max-age=31536000; samesite=lax`;
    setPicked(next);
    const lessonPath = pathLang(pathname);
    if (lessonPath) router.push(pathname.replace(`/lessons/${lessonPath}`, `/lessons/${next}`));
    else router.refresh();
  };

  return (
    <>
      <a className="skip-link" href="#main">
        {lang === "ko" ? "본문으로 건너뛰기" : "Skip to content"}
      </a>
      <header className="site-header">
        <nav aria-label={lang === "ko" ? "주 메뉴" : "Main"}>
          <Link href="/" className="brand">
            {t(lang, "appName")}
          </Link>
          <Link href="/lessons">{t(lang, "lessons")}</Link>
          {me && <Link href="/home">{t(lang, "home")}</Link>}
          {me && me.role !== "STUDENT" && <Link href="/instructor">{t(lang, "instructor")}</Link>}
          {me && <Link href="/account">{lang === "ko" ? "내 계정" : "Account"}</Link>}
        </nav>
        <div className="header-actions">
          <div className="lang-switch" role="group" aria-label="Language / 언어">
            <button type="button" aria-pressed={lang === "ko"} onClick={() => choose("ko")} lang="ko">
              한국어
            </button>
            <button type="button" aria-pressed={lang === "en"} onClick={() => choose("en")} lang="en">
              English
            </button>
          </div>
          {me ? (
            <>
              <span className="who" data-testid="current-user">
                {me.name} ({me.role.toLowerCase()})
              </span>
              <button type="button" onClick={() => signOut({ callbackUrl: "/" })}>
                {t(lang, "signOut")}
              </button>
            </>
          ) : me === null ? (
            <Link href="/signin">{t(lang, "signIn")}</Link>
          ) : null}
        </div>
      </header>
    </>
  );
}
