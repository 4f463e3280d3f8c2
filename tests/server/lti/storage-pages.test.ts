/**
 * The platform-storage pages' script (storage-pages.ts), run as the browser runs it: a window whose
 * parent is an LMS page answering lti.put_data / lti.get_data by postMessage (as the test platform's
 * page and Canvas do), one that answers from another origin, one that answers an error, and none.
 * And the pages themselves: the state cookie's attributes, what each page asks and where it goes.
 */
import { runInNewContext } from "node:vm";
import { describe, expect, it } from "vitest";
import { expiredStateCookie, stateCookie, stateCookieName, storageState, storageTargetOf, STORAGE_STATE_PREFIX } from "@/lib/server/lti/launch-browser";
import { STORAGE_CLIENT_SCRIPT, storageCheckPage, storageLoginPage, type StorageClientConfig, type StorageClientResult } from "@/lib/server/lti/storage-pages";
import { tooManyPage } from "@/lib/server/lti/launch-limit";

const PLATFORM = "https://lms.example";

type Listener = (event: { origin: string; data: unknown }) => void;

/** A tool frame whose parent answers storage messages like an LMS page: kept per asking origin. */
function framedWindow({ answerFrom = PLATFORM, fail = false, silent = false }: { answerFrom?: string; fail?: boolean; silent?: boolean } = {}) {
  const listeners = new Set<Listener>();
  const store = new Map<string, unknown>();
  const sent: { message: Record<string, unknown>; targetOrigin: string }[] = [];
  const timers: (() => void)[] = [];
  const win = {
    parent: undefined as unknown,
    addEventListener: (_type: string, listener: Listener) => listeners.add(listener),
    removeEventListener: (_type: string, listener: Listener) => listeners.delete(listener),
    setTimeout: (callback: () => void) => timers.push(callback),
  };
  win.parent = {
    frames: {},
    postMessage(message: Record<string, unknown>, targetOrigin: string) {
      sent.push({ message, targetOrigin });
      if (silent || targetOrigin !== PLATFORM) return;
      const reply: Record<string, unknown> = { subject: `${String(message.subject)}.response`, message_id: message.message_id, key: message.key };
      if (fail) reply.error = { code: "bad_request", message: "no" };
      else if (message.subject === "lti.put_data") store.set(String(message.key), (reply.value = message.value));
      else if (store.has(String(message.key))) reply.value = store.get(String(message.key));
      else reply.error = { code: "bad_request", message: "nothing stored" };
      queueMicrotask(() => listeners.forEach((listener) => listener({ origin: answerFrom, data: reply })));
    },
  };
  return { win, sent, store, fireTimers: () => timers.forEach((callback) => callback()) };
}

function run(win: unknown, config: StorageClientConfig): Promise<StorageClientResult> {
  const context: Record<string, unknown> = {};
  runInNewContext(STORAGE_CLIENT_SCRIPT, context);
  return new Promise((resolve) => (context.ltiStorage as (win: unknown, config: StorageClientConfig, done: (result: StorageClientResult) => void) => void)(win, config, resolve));
}

const put: StorageClientConfig = { target: "_parent", origin: PLATFORM, action: "put", items: [{ key: "state_s1", value: "s1" }, { key: "nonce_n1", value: "n1" }], timeoutMs: 5000 };
const get: StorageClientConfig = { ...put, action: "get", items: [{ key: "state_s1" }, { key: "nonce_n1" }] };

describe("the platform-storage script", () => {
  it("puts the state and nonce with the platform's frame, only to its origin, and reads them back", async () => {
    const frame = framedWindow();
    expect(await run(frame.win, put)).toEqual({ values: { state_s1: "s1", nonce_n1: "n1" } });
    expect(frame.sent.map(({ message, targetOrigin }) => [message.subject, message.key, targetOrigin])).toEqual([
      ["lti.put_data", "state_s1", PLATFORM],
      ["lti.put_data", "nonce_n1", PLATFORM],
    ]);
    expect(new Set(frame.sent.map(({ message }) => message.message_id)).size).toBe(2);
    expect(await run(frame.win, get)).toEqual({ values: { state_s1: "s1", nonce_n1: "n1" } });
  });

  it("reads nothing from a browser whose platform storage holds nothing (another browser's launch)", async () => {
    expect(await run(framedWindow().win, get)).toEqual({ error: "bad_request" });
  });

  it("ignores answers from any origin but the platform's, then gives up on time", async () => {
    const frame = framedWindow({ answerFrom: "https://evil.example" });
    const result = run(frame.win, get);
    await new Promise((resolve) => setTimeout(resolve, 10));
    frame.fireTimers();
    expect(await result).toEqual({ error: "timeout" });
  });

  it("passes on the platform's error, and says so when there is no frame to ask", async () => {
    expect(await run(framedWindow({ fail: true }).win, put)).toEqual({ error: "bad_request" });
    const alone = { addEventListener() {}, removeEventListener() {}, setTimeout() {}, parent: undefined as unknown };
    alone.parent = alone;
    expect(await run(alone, put)).toEqual({ error: "no_frame" });
  });

  it("posts to the named frame of the LMS page when lti_storage_target names one", async () => {
    const frame = framedWindow();
    const named = framedWindow();
    (frame.win.parent as { frames: Record<string, unknown> }).frames["lti-storage"] = named.win.parent;
    // The named frame answers the tool's window (the listeners of `frame`).
    (named.win.parent as { postMessage: unknown }).postMessage = (frame.win.parent as { postMessage: unknown }).postMessage;
    (frame.win.parent as { postMessage: unknown }).postMessage = () => {
      throw new Error("the LMS page itself is not the named frame");
    };
    expect(await run(frame.win, { ...put, target: "lti-storage" })).toEqual({ values: { state_s1: "s1", nonce_n1: "n1" } });
  });
});

describe("the pages of the browser binding", () => {
  it("names the state cookie by a hash of the state and gives it a frame's attributes", () => {
    const line = stateCookie({ state: "abc", baseUrl: "https://stride.example", maxAgeSeconds: 600 });
    expect(line.startsWith(`${stateCookieName("abc")}=abc;`)).toBe(true);
    expect(stateCookieName("abc")).toMatch(/^lti_state_[0-9a-f]{24}$/);
    for (const attribute of ["Max-Age=600", "Path=/lti", "HttpOnly", "Secure", "SameSite=None", "Partitioned"]) expect(line).toContain(`; ${attribute}`);
    expect(expiredStateCookie({ state: "abc", baseUrl: "https://stride.example" })).toContain("Max-Age=0");
    // A Stride over plain http elsewhere than loopback cannot have SameSite=None cookies.
    expect(stateCookie({ state: "abc", baseUrl: "http://stride.lan", maxAgeSeconds: 600 })).toContain("SameSite=Lax");
  });

  it("keeps the storage target in a platform-storage state", () => {
    const state = storageState("random", "_parent");
    expect(state.startsWith(STORAGE_STATE_PREFIX)).toBe(true);
    expect(storageTargetOf(state)).toBe("_parent");
    expect(storageTargetOf(storageState("r", "lti-frame"))).toBe("lti-frame");
    expect(storageTargetOf(`${STORAGE_STATE_PREFIX}r.${Buffer.from("<x>").toString("base64url")}`)).toBe("_parent");
  });

  it("answers the login's page with the proxy's CSP nonce, its escaped redirect and the storage call", async () => {
    const request = new Request("https://stride.example/lti/login", { headers: { "x-nonce": "n0nce" } });
    const page = storageLoginPage({ locale: "en", request, state: "s1", nonce: "n1", platformOrigin: PLATFORM, storageTarget: "_parent", redirectTo: "https://lms.example/auth?a=1&b=</script>" });
    const html = await page.text();
    expect(page.status).toBe(200);
    expect(html).toContain('<script nonce="n0nce">');
    expect(html).not.toContain("</script>\"");
    expect(html).toContain("\\u003c/script\\u003e");
    expect(html).toContain('"action":"put"');
    expect(html).toContain('<a href="https://lms.example/auth?a=1&#38;b=&#60;/script&#62;">Continue without it</a>');
  });

  it("answers the launch's page with a form of the launch to post again, in Chinese for a zh-CN launch", async () => {
    const page = storageCheckPage({ locale: "zh-CN", request: new Request("https://stride.example/lti/launch"), state: "s1", nonce: "n1", idToken: "a.b.c", platformOrigin: PLATFORM, storageTarget: "_parent" });
    const html = await page.text();
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toContain('<form id="lti-storage-launch" method="post" action="/lti/launch">');
    expect(html).toContain('name="id_token" value="a.b.c"');
    expect(html).toContain('"action":"get"');
    expect(page.headers.get("referrer-policy")).toBe("same-origin");
  });

  it("answers 429 with Retry-After in the person's language", async () => {
    const page = tooManyPage({ locale: "zh-CN", seconds: 42 });
    expect(page.status).toBe(429);
    expect(page.headers.get("retry-after")).toBe("42");
    expect(await page.text()).toContain("42");
  });
});
