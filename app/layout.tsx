import type { Metadata } from "next";
import Link from "next/link";
import "./globals.css";
import { getCurrentUser } from "@/lib/auth/current-user";
import { currentLang } from "@/lib/i18n/current-lang";
import { t } from "@/lib/i18n/messages";
import { LangSwitch } from "./components/lang-switch";
import { SignOutButton } from "./components/sign-out-button";

export const metadata: Metadata = {
  title: "IPC Lab",
  description: "Lessons, quizzes and auto-graded exercises on inter-process communication",
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const [user, lang] = await Promise.all([getCurrentUser(), currentLang()]);
  return (
    <html lang={lang}>
      <body>
        <a className="skip-link" href="#main">
          {lang === "ko" ? "본문으로 건너뛰기" : "Skip to content"}
        </a>
        <header className="site-header">
          <nav aria-label={lang === "ko" ? "주 메뉴" : "Main"}>
            <Link href="/" className="brand">
              {t(lang, "appName")}
            </Link>
            <Link href="/lessons">{t(lang, "lessons")}</Link>
            {user && <Link href="/home">{t(lang, "home")}</Link>}
            {user && (user.role === "INSTRUCTOR" || user.role === "ADMIN") && <Link href="/instructor">{t(lang, "instructor")}</Link>}
          </nav>
          <div className="header-actions">
            <LangSwitch lang={lang} />
            {user ? (
              <>
                <span className="who" data-testid="current-user">
                  {user.name} ({user.role.toLowerCase()})
                </span>
                <SignOutButton label={t(lang, "signOut")} />
              </>
            ) : (
              <Link href="/signin">{t(lang, "signIn")}</Link>
            )}
          </div>
        </header>
        <main id="main">{children}</main>
      </body>
    </html>
  );
}
