import { currentLang } from "@/lib/i18n/current-lang";
import { ta } from "@/lib/i18n/account-messages";
import { t } from "@/lib/i18n/messages";
import { EmailLinkForm } from "./email-link-form";

export default async function ForgotPasswordPage() {
  const lang = await currentLang();
  return (
    <>
      <h1>{ta(lang, "forgotTitle")}</h1>
      <p className="muted">{ta(lang, "forgotHelp")}</p>
      <EmailLinkForm labels={{ email: t(lang, "email"), submit: ta(lang, "sendLink"), sent: ta(lang, "forgotSent") }} />
    </>
  );
}
