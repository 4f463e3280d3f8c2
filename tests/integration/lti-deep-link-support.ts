/**
 * Stride's LTI routes with the deep-linking picker, served over real HTTP beside the test
 * platform: login, launch (through handleLaunchPost, as app/lti/launch serves it: the browser
 * binding checked first) and its continuation, the first launch's course choice, /lti/jwks (the platform verifies the signed
 * response against it), the picker (its form component rendered to HTML as the Next.js page
 * renders it, from the same loader) and its answer. Any other path answers a stand-in page naming
 * the path and the signed-in user, so a test sees where a placed link's launch lands.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { createElement, type ComponentProps } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { IntlProvider } from "use-intl";
import { DeepLinkPickerForm, DeepLinkRefusal } from "@/app/lti/deep-link/picker-form";
import type { PrismaClient } from "@/lib/db";
import type { Locale } from "@/lib/i18n/locales";
import { messagesByLocale } from "@/lib/i18n/messages";
import { createAuth } from "@/lib/server/auth/create-auth";
import { sendWebResponse, webRequestOf } from "@/lib/server/http/node-bridge";
import { handleContinuePost, handleContinueRequest } from "@/lib/server/lti/continue-request";
import { loadDeepLinkPicker } from "@/lib/server/lti/deep-link-picker";
import { handleDeepLinkRespond } from "@/lib/server/lti/deep-link-response";
import { pageLocaleOf } from "@/lib/server/lti/launch-page";
import { LaunchRefusal } from "@/lib/server/lti/launch-refusal";
import { handleLaunchPost } from "@/lib/server/lti/launch-post";
import { handleLinkChoicePost, handleLinkChoiceRequest } from "@/lib/server/lti/link-choice-request";
import { handleLoginRequest } from "@/lib/server/lti/login-request";
import { publicJwks } from "@/lib/server/lti/tool-keys";
import { createLogger } from "@/lib/server/observability/logger";
import type { LoggedLine, LtiToolServer } from "./lti-launch-support";

function html(locale: Locale, status: number, element: ReturnType<typeof createElement>): Response {
  const body = renderToStaticMarkup(createElement(IntlProvider, { locale, messages: messagesByLocale[locale], timeZone: "UTC" } as unknown as ComponentProps<typeof IntlProvider>, element));
  return new Response(`<!doctype html><html lang="${locale}"><body>${body}</body></html>`, { status, headers: { "content-type": "text/html; charset=utf-8" } });
}

export async function startDeepLinkToolServer(db: PrismaClient): Promise<LtiToolServer & { jwksUrl: string; pickerUrl: string }> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const auth = createAuth({ prisma: db, baseURL: base, secret: "lti-deep-link-test-secret-".padEnd(40, "x") });
  const logs: LoggedLine[] = [];
  const logger = createLogger({ level: "info", destination: { write: (line: string) => void logs.push(JSON.parse(line) as LoggedLine) } });

  const picker = async (request: Request): Promise<Response> => {
    const session = await auth.api.getSession({ headers: request.headers, query: { disableCookieCache: true } });
    try {
      const loaded = await loadDeepLinkPicker({ db, userId: session?.user.id ?? null, id: new URL(request.url).searchParams.get("id") ?? "", now: new Date() });
      return html(loaded.locale, 200, createElement(DeepLinkPickerForm, { picker: loaded }));
    } catch (error) {
      if (!(error instanceof LaunchRefusal)) throw error;
      return html(pageLocaleOf({ headers: request.headers }), error.status, createElement(DeepLinkRefusal, { reason: error.reason }));
    }
  };

  const route = async (request: Request): Promise<Response> => {
    const { pathname } = new URL(request.url);
    const options = { request, db, auth, baseUrl: base, logger };
    if (pathname === "/lti/login") return handleLoginRequest(options);
    if (pathname === "/lti/launch" && request.method === "POST") return handleLaunchPost(options);
    if (pathname === "/lti/launch/continue") return request.method === "POST" ? handleContinuePost(options) : handleContinueRequest(options);
    if (pathname === "/lti/launch/link") return request.method === "POST" ? handleLinkChoicePost(options) : handleLinkChoiceRequest(options);
    if (pathname === "/lti/jwks") return Response.json(await publicJwks({ db, now: new Date() }));
    if (pathname === "/lti/deep-link" && request.method === "GET") return picker(request);
    if (pathname === "/lti/deep-link/respond" && request.method === "POST") return handleDeepLinkRespond(options);
    const session = await auth.api.getSession({ headers: request.headers, query: { disableCookieCache: true } });
    return new Response(`page ${pathname}${new URL(request.url).search} user=${session?.user.id ?? "none"}`, { status: 200, headers: { "content-type": "text/plain" } });
  };
  server.on("request", (req: IncomingMessage, res: ServerResponse) => {
    route(webRequestOf(req))
      .then((response) => sendWebResponse(res, response))
      .catch((error: unknown) => {
        res.writeHead(500, { "content-type": "text/plain" });
        res.end(error instanceof Error ? error.stack : String(error));
      });
  });
  return {
    base,
    loginUrl: `${base}/lti/login`,
    launchUrl: `${base}/lti/launch`,
    continueUrl: `${base}/lti/launch/continue`,
    jwksUrl: `${base}/lti/jwks`,
    pickerUrl: `${base}/lti/deep-link`,
    auth,
    logs,
    close: () =>
      new Promise((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
