import Link from "next/link";
import { currentLang } from "@/lib/i18n/current-lang";
import { t } from "@/lib/i18n/messages";

export default async function NotFound() {
  const lang = await currentLang();
  return (
    <>
      <h1>404</h1>
      <p>{t(lang, "notFound")}</p>
      <Link href="/">IPC Lab</Link>
    </>
  );
}
