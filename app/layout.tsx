import type { Metadata } from "next";
import { connection } from "next/server";
import "./globals.css";
import { SiteHeader } from "./components/site-header";
import { hasSessionCookie } from "./_components/session-cookie";

export const metadata: Metadata = {
  title: { default: "IPC Lab", template: "%s · IPC Lab" },
  description: "Lessons, quizzes and auto-graded exercises on inter-process communication",
};

/**
 * Every page is rendered per request: the Content-Security-Policy (lib/http/security-headers)
 * allows only scripts carrying that request's nonce, and a page prerendered at build time
 * would carry none. The layout reads no session: the header learns who is signed in from
 * /api/me in the browser, and asks only when a session cookie exists (its mere presence,
 * not its validity), so signed-out pages make no request that answers 401.
 */
export default async function RootLayout({ children }: { children: React.ReactNode }) {
  await connection();
  const mayBeSignedIn = await hasSessionCookie();
  return (
    <html lang="ko" suppressHydrationWarning>
      <body>
        <SiteHeader mayBeSignedIn={mayBeSignedIn} />
        <main id="main">{children}</main>
      </body>
    </html>
  );
}
