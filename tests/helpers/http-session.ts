/**
 * Signs in through next-auth's credentials endpoint over plain HTTP and keeps the cookies,
 * so API and page requests can be made as a given user.
 */
export class HttpSession {
  private cookies = new Map<string, string>();

  constructor(readonly baseUrl: string) {}

  private remember(response: Response) {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const eq = pair.indexOf("=");
      this.cookies.set(pair.slice(0, eq).trim(), pair.slice(eq + 1));
    }
  }

  cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  async fetch(pathname: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size) headers.set("cookie", this.cookieHeader());
    const response = await fetch(this.baseUrl + pathname, { ...init, headers, redirect: "manual" });
    this.remember(response);
    return response;
  }

  async signIn(email: string, password: string): Promise<this> {
    const { csrfToken } = (await (await this.fetch("/api/auth/csrf")).json()) as { csrfToken: string };
    const response = await this.fetch("/api/auth/callback/credentials", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
    });
    if (![...this.cookies.keys()].some((k) => k.includes("session-token"))) {
      throw new Error(`sign-in as ${email} failed (status ${response.status})`);
    }
    return this;
  }
}
