import type { Metadata } from "next";
import { cookies } from "next/headers";
import { connection } from "next/server";
import "./globals.css";
import { SiteHeader } from "./components/site-header";

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
  // NextAuth 4 names it next-auth.session-token (__Secure- on https), split into .0, .1… when large.
  const mayBeSignedIn = (await cookies()).getAll().some((c) => /^(__Secure-)?next-auth\.session-token(\.\d+)?$/.test(c.name));
  return (
    <html lang="ko" suppressHydrationWarning>
      <body>
        <SiteHeader mayBeSignedIn={mayBeSignedIn} />
        <main id="main">{children}</main>
      </body>
    </html>
  );
}
