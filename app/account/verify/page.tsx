import { currentLang } from "@/lib/i18n/current-lang";
import { ta } from "@/lib/i18n/account-messages";
import { VerifyButton } from "./verify-button";

/** Where verification links land; the button's POST spends the token, not the visit. */
export default async function VerifyEmailPage({ searchParams }: { searchParams: Promise<{ token?: string | string[] }> }) {
  const [{ token }, lang] = await Promise.all([searchParams, currentLang()]);
  return (
    <>
      <h1>{ta(lang, "verifyTitle")}</h1>
      {typeof token === "string" && token ? (
        <>
          <p>{ta(lang, "verifyHelp")}</p>
          <VerifyButton token={token} labels={{ submit: ta(lang, "verifyButton"), done: ta(lang, "verified") }} />
        </>
      ) : (
        <p role="alert">{ta(lang, "missingToken")}</p>
      )}
    </>
  );
}
