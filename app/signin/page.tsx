import Link from "next/link";
import { redirect } from "next/navigation";
import { enabledOAuthProviders } from "@/lib/auth/auth-options";
import { env } from "@/lib/env";
import { sameOriginPath } from "@/lib/http/same-origin-path";
import { getCurrentUser } from "@/lib/auth/current-user";
import { currentLang } from "@/lib/i18n/current-lang";
import { ta } from "@/lib/i18n/account-messages";
import { t } from "@/lib/i18n/messages";
import { SignInForm } from "./sign-in-form";

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const [{ callbackUrl }, lang, user] = await Promise.all([searchParams, currentLang(), getCurrentUser()]);
  // Only this origin: an open redirect after login is a phishing aid. A prefix check is not
  // enough (`/\evil.example` is `//evil.example` to the browser); sameOriginPath resolves it.
  const target = sameOriginPath(callbackUrl, env().AUTH_URL);
  if (user) redirect(target);
  return (
    <>
      <h1>{t(lang, "signIn")}</h1>
      <SignInForm
        callbackUrl={target}
        providers={enabledOAuthProviders()}
        labels={{ email: t(lang, "email"), password: t(lang, "password"), submit: t(lang, "signIn"), failed: t(lang, "signInFailed"), throttled: t(lang, "signInThrottled") }}
      />
      <p>
        <Link href="/forgot-password">{ta(lang, "forgotPassword")}</Link>
      </p>
      <p>
        <Link href="/signup">{t(lang, "noAccount")}</Link>
      </p>
    </>
  );
}
