"use client";

import { useRouter } from "next/navigation";
import type { Lang } from "@/lib/i18n/messages";

export function LangSwitch({ lang }: { lang: Lang }) {
  const router = useRouter();
  const choose = (next: Lang) => {
    document.cookie = `lang=${next}; path=/; max-age=31536000; samesite=lax`;
    router.refresh();
  };
  return (
    <div className="lang-switch" role="group" aria-label="Language / 언어">
      <button type="button" aria-pressed={lang === "ko"} onClick={() => choose("ko")}>
        한국어
      </button>
      <button type="button" aria-pressed={lang === "en"} onClick={() => choose("en")}>
        English
      </button>
    </div>
  );
}
