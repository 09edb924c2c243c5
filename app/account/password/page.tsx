import { currentLang } from "@/lib/i18n/current-lang";
import { ta } from "@/lib/i18n/account-messages";
import { SetPasswordForm } from "./set-password-form";

/**
 * Where invitation and reset links land. Opening it spends nothing (mail scanners open links):
 * the token is spent only by the form's POST.
 */
export default async function SetPasswordPage({ searchParams }: { searchParams: Promise<{ token?: string | string[] }> }) {
  const [{ token }, lang] = await Promise.all([searchParams, currentLang()]);
  return (
    <>
      <h1>{ta(lang, "setPasswordTitle")}</h1>
      {typeof token === "string" && token ? (
        <SetPasswordForm
          token={token}
          labels={{ password: ta(lang, "newPassword"), hint: ta(lang, "passwordHint"), submit: ta(lang, "setPassword"), saved: ta(lang, "passwordSaved") }}
        />
      ) : (
        <p role="alert">{ta(lang, "missingToken")}</p>
      )}
    </>
  );
}
