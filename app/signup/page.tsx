import { currentLang } from "@/lib/i18n/current-lang";
import { ta } from "@/lib/i18n/account-messages";
import { t } from "@/lib/i18n/messages";
import { SignUpForm } from "./sign-up-form";

export default async function SignUpPage() {
  const lang = await currentLang();
  return (
    <>
      <h1>{t(lang, "signUp")}</h1>
      <p className="muted">
        {lang === "ko" ? "강사에게 받은 강의 참여 코드로 가입합니다." : "Sign up with the course join code your instructor gave you."}
      </p>
      <SignUpForm
        labels={{
          name: t(lang, "name"),
          email: t(lang, "email"),
          password: t(lang, "password"),
          joinCode: t(lang, "joinCode"),
          submit: t(lang, "signUp"),
          passwordHint: ta(lang, "passwordHint"),
          accepted: ta(lang, "signUpSent"),
        }}
      />
    </>
  );
}
