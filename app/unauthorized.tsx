import Link from "next/link";
import { currentLang } from "@/lib/i18n/current-lang";
import { t } from "@/lib/i18n/messages";

export default async function Unauthorized() {
  const lang = await currentLang();
  return (
    <>
      <h1>401</h1>
      <p>{t(lang, "unauthorized")}</p>
      <Link href="/signin">{t(lang, "signIn")}</Link>
    </>
  );
}
