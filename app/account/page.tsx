import { enabledOAuthProviders } from "@/lib/auth/auth-options";
import { requireUser } from "@/lib/auth/require";
import { db } from "@/lib/db";
import { currentLang } from "@/lib/i18n/current-lang";
import { inLanguage } from "@/lib/i18n/in-language";
import { LinkProviderButton } from "./link-provider-button";
import { accountStrings } from "./strings";

/** The signed-in user's account: where they link a university (OIDC) or GitHub sign-in (ADR 021). */
export default async function AccountPage() {
  const user = await requireUser();
  const [lang, accounts] = await Promise.all([currentLang(), db().account.findMany({ where: { userId: user.id }, select: { provider: true } })]);
  const s = inLanguage(accountStrings, lang);
  const providers = enabledOAuthProviders();
  const linked = new Set(accounts.map((a) => a.provider));
  return (
    <>
      <h1>{s.title}</h1>
      <section className="card">
        <p>
          {s.email}: <strong data-testid="account-email">{user.email}</strong> · {s.role}: <span className="badge">{user.role.toLowerCase()}</span>
        </p>
      </section>
      <section className="card">
        <h2>{s.linked}</h2>
        {linked.size === 0 ? (
          <p className="muted">{s.none}</p>
        ) : (
          <ul data-testid="linked-providers">
            {providers.filter((p) => linked.has(p.id)).map((p) => (
              <li key={p.id}>{p.name}</li>
            ))}
          </ul>
        )}
        {providers.some((p) => !linked.has(p.id)) && <p className="muted">{s.linkExplain}</p>}
        {providers
          .filter((p) => !linked.has(p.id))
          .map((p) => (
            <LinkProviderButton key={p.id} provider={p.id} label={`${s.link}: ${p.name}`} failed={s.failed} />
          ))}
      </section>
    </>
  );
}
