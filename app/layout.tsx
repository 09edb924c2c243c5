import type { Metadata } from "next";
import "./globals.css";
import { SiteHeader } from "./components/site-header";

export const metadata: Metadata = {
  title: { default: "IPC Lab", template: "%s · IPC Lab" },
  description: "Lessons, quizzes and auto-graded exercises on inter-process communication",
};

/**
 * The root layout is static (no cookies, no session) so that lesson pages can be statically
 * generated; the header learns who is signed in from /api/me in the browser.
 */
export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="ko" suppressHydrationWarning>
      <body>
        <SiteHeader />
        <main id="main">{children}</main>
      </body>
    </html>
  );
}
