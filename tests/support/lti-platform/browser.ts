import type { CookieJar } from "./cookie-jar";
import { parseHtmlForms, type HtmlForm } from "./html-form";

/** What a browser sees of one response: enough for tests to assert on and to go on from. */
export interface BrowserResponse {
  /** The URL that was requested. */
  url: string;
  status: number;
  headers: Headers;
  /** Every Set-Cookie header, one a line, as the server sent them. */
  setCookies: string[];
  /** Location resolved against `url`, for 3xx answers. */
  location?: string;
  body: string;
}

export interface BrowserRequest {
  method?: "GET" | "POST";
  /** Sent as application/x-www-form-urlencoded (POST) or appended to the query (GET). */
  form?: Record<string, string>;
  headers?: Record<string, string>;
  /** Cookie policy: "all" sends and keeps every cookie; "partitioned-only" is a browser blocking
   * third-party cookies inside a cross-site iframe (only CHIPS `Partitioned` cookies live). */
  cookies?: "all" | "partitioned-only";
}

/** One request as a browser makes it: cookies from the jar, redirects not followed, Set-Cookie kept. */
export async function browserRequest(jar: CookieJar, url: string, request: BrowserRequest = {}): Promise<BrowserResponse> {
  const method = request.method ?? "GET";
  const policy = request.cookies ?? "all";
  let target = url;
  const headers: Record<string, string> = { "user-agent": "stride-lti-test-platform", ...request.headers };
  let body: string | undefined;
  if (request.form && method === "GET") {
    const withQuery = new URL(url);
    for (const [name, value] of Object.entries(request.form)) withQuery.searchParams.set(name, value);
    target = withQuery.toString();
  } else if (request.form) {
    body = new URLSearchParams(request.form).toString();
    headers["content-type"] = "application/x-www-form-urlencoded";
  }
  const cookies = jar.cookiesFor(target).filter((cookie) => policy === "all" || cookie.partitioned);
  if (cookies.length > 0) headers.cookie = cookies.map((cookie) => `${cookie.name}=${cookie.value}`).join("; ");
  const response = await fetch(target, { method, headers, body, redirect: "manual" });
  const setCookies = response.headers.getSetCookie();
  jar.store(target, policy === "all" ? setCookies : setCookies.filter((line) => /;\s*partitioned\s*(;|$)/i.test(line)));
  const location = response.headers.get("location");
  return {
    url: target,
    status: response.status,
    headers: response.headers,
    setCookies,
    location: location === null ? undefined : new URL(location, target).toString(),
    body: await response.text(),
  };
}

export function isRedirect(response: BrowserResponse): boolean {
  return response.status >= 300 && response.status < 400 && response.location !== undefined;
}

/** Follows 3xx answers with GET (as browsers do after a form post's 302/303) until one is not a redirect. */
export async function followRedirects(jar: CookieJar, response: BrowserResponse, options: { maxRedirects?: number; cookies?: BrowserRequest["cookies"] } = {}): Promise<BrowserResponse> {
  let current = response;
  for (let hop = 0; isRedirect(current); hop += 1) {
    if (hop >= (options.maxRedirects ?? 10)) throw new Error(`More than ${options.maxRedirects ?? 10} redirects from ${response.url}`);
    current = await browserRequest(jar, current.location!, { cookies: options.cookies });
  }
  return current;
}

/** Which form of a page to submit: its index, its id, or a part of its action URL. */
export type FormChoice = number | { id: string } | { actionContains: string };

/**
 * Submits a form of a page the browser received, as a person pressing its button would (or its
 * onload script): the form's own fields, with `changes` over them (a picker's choice, say).
 * Throws when the page has no such form.
 */
export async function submitForm(jar: CookieJar, page: BrowserResponse, options: { form?: FormChoice; changes?: Record<string, string>; cookies?: BrowserRequest["cookies"] } = {}): Promise<BrowserResponse> {
  const forms = parseHtmlForms(page.body, page.url);
  const choice = options.form ?? 0;
  const form: HtmlForm | undefined =
    typeof choice === "number" ? forms[choice] : "id" in choice ? forms.find((candidate) => candidate.id === choice.id) : forms.find((candidate) => candidate.action.includes(choice.actionContains));
  if (!form) throw new Error(`No form ${JSON.stringify(choice)} on ${page.url} (status ${page.status}): ${page.body.slice(0, 300)}`);
  return browserRequest(jar, form.action, { method: form.method, form: { ...form.fields, ...options.changes }, cookies: options.cookies });
}
