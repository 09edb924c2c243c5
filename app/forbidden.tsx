import { currentLang } from "@/lib/i18n/current-lang";
import { t } from "@/lib/i18n/messages";

export default async function Forbidden() {
  const lang = await currentLang();
  return (
    <>
      <h1>403</h1>
      <p data-testid="forbidden">{t(lang, "forbidden")}</p>
    </>
  );
}
