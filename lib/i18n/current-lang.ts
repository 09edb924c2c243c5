import { cookies, headers } from "next/headers";
import { isLang, type Lang } from "./messages";

/** The reader's language: the `lang` cookie, else the browser's preference, else Korean. */
export async function currentLang(): Promise<Lang> {
  const cookie = (await cookies()).get("lang")?.value;
  if (isLang(cookie)) return cookie;
  const accept = (await headers()).get("accept-language") ?? "";
  return /^\s*en\b/i.test(accept) ? "en" : "ko";
}
