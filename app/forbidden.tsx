import { currentLang } from "@/lib/i18n/current-lang";
import { t } from "@/lib/i18n/messages";
import { ErrorPage } from "./_components/error-page";

export default async function Forbidden() {
  const lang = await currentLang();
  return <ErrorPage code="403" message={t(lang, "forbidden")} lang={lang} testId="forbidden" />;
}
