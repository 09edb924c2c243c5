import { currentLang } from "@/lib/i18n/current-lang";
import { t } from "@/lib/i18n/messages";

export default async function LessonsPage() {
  const lang = await currentLang();
  return (
    <>
      <h1>{t(lang, "lessons")}</h1>
      <p className="muted">{lang === "ko" ? "레슨을 준비하고 있습니다." : "Lessons are on their way."}</p>
    </>
  );
}
