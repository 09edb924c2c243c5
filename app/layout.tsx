import type { Metadata } from "next";
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
 * would carry none. The layout still reads no cookies or session; the header learns who is
 * signed in from /api/me in the browser.
 */
export default async function RootLayout({ children }: { children: React.ReactNode }) {
  await connection();
  return (
    <html lang="ko" suppressHydrationWarning>
      <body>
        <SiteHeader />
        <main id="main">{children}</main>
      </body>
    </html>
  );
}
