import { currentLang } from "@/lib/i18n/current-lang";
import { t } from "@/lib/i18n/messages";
import { ErrorPage } from "./_components/error-page";

export default async function NotFound() {
  const lang = await currentLang();
  return <ErrorPage code="404" message={t(lang, "notFound")} lang={lang} testId="not-found" />;
}
