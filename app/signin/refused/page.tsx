import Link from "next/link";
import { currentLang } from "@/lib/i18n/current-lang";
import { inLanguage } from "@/lib/i18n/in-language";
import type { OAuthRefusal } from "@/lib/auth/oauth-link-decision";

const strings = {
  title: { ko: "로그인할 수 없습니다", en: "Sign-in refused" },
  "email-unverified": {
    ko: "로그인 서비스가 이 이메일 주소를 확인된 주소로 보고하지 않았습니다. 확인되지 않은 주소로는 계정을 만들거나 기존 계정에 연결하지 않습니다. 그 서비스에서 이메일을 인증한 뒤 다시 시도하거나, 이메일과 비밀번호로 로그인하세요.",
    en: "The sign-in service did not report this email address as verified. An unverified address is never used to create an account or to link to an existing one. Verify the address with that service and try again, or sign in with your email and password.",
  },
  "confirmation-required": {
    ko: "이 이메일은 강사 또는 관리자 계정의 주소입니다. 이런 계정은 자동으로 연결하지 않습니다. 비밀번호로 로그인한 뒤 '내 계정' 페이지에서 계정 연결을 직접 확인하세요.",
    en: "This email belongs to an instructor or administrator account, which is never linked automatically. Sign in with your password, then confirm the link yourself on your account page.",
  },
  "no-email": {
    ko: "로그인 서비스가 이메일 주소를 알려 주지 않았습니다.",
    en: "The sign-in service did not share an email address.",
  },
  "identity-linked-elsewhere": {
    ko: "이 외부 계정은 이미 다른 IPC Lab 계정에 연결되어 있습니다.",
    en: "That outside account is already linked to a different IPC Lab account.",
  },
  unknown: { ko: "로그인이 거부되었습니다.", en: "The sign-in was refused." },
  signIn: { ko: "이메일과 비밀번호로 로그인", en: "Sign in with email and password" },
  account: { ko: "내 계정", en: "Your account" },
} as const;

const REASONS: OAuthRefusal[] = ["email-unverified", "confirmation-required", "no-email", "identity-linked-elsewhere"];

/** Where an OAuth/OIDC sign-in refused by ADR 021's rules lands, told why. */
export default async function SignInRefusedPage({ searchParams }: { searchParams: Promise<{ reason?: string }> }) {
  const [{ reason }, lang] = await Promise.all([searchParams, currentLang()]);
  const s = inLanguage(strings, lang);
  const known = REASONS.find((r) => r === reason);
  return (
    <>
      <h1>{s.title}</h1>
      <section className="card">
        <p role="alert" data-testid="refusal" data-reason={known ?? "unknown"}>
          {s[known ?? "unknown"]}
        </p>
        <p>
          {known === "confirmation-required" ? <Link href="/signin?callbackUrl=/account">{s.signIn}</Link> : <Link href="/signin">{s.signIn}</Link>}
          {known === "identity-linked-elsewhere" && (
            <>
              {" · "}
              <Link href="/account">{s.account}</Link>
            </>
          )}
        </p>
      </section>
    </>
  );
}
