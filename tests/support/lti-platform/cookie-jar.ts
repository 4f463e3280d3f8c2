/**
 * A browser's cookie store, small: cookies are kept per host (the port is ignored, as browsers do,
 * RFC 6265 §8.5), with Path, Max-Age and Expires honoured. Secure cookies are kept on plain-http
 * loopback, as Chromium and Firefox treat 127.0.0.1 and localhost as secure contexts.
 */
export interface StoredCookie {
  name: string;
  value: string;
  host: string;
  path: string;
  expiresAt?: number;
  httpOnly: boolean;
  secure: boolean;
  sameSite?: string;
  partitioned: boolean;
}

export class CookieJar {
  private cookies: StoredCookie[] = [];

  constructor(private readonly now: () => number = Date.now) {}

  /** Keeps the Set-Cookie headers of a response from `url`. */
  store(url: string, setCookies: readonly string[]): void {
    const { hostname, pathname } = new URL(url);
    for (const header of setCookies) {
      const [pair, ...attributeParts] = header.split(";");
      const separator = pair!.indexOf("=");
      if (separator <= 0) continue;
      const cookie: StoredCookie = {
        name: pair!.slice(0, separator).trim(),
        value: pair!.slice(separator + 1).trim(),
        host: hostname,
        path: defaultPath(pathname),
        httpOnly: false,
        secure: false,
        partitioned: false,
      };
      for (const part of attributeParts) {
        const [rawName, ...rest] = part.split("=");
        const name = rawName!.trim().toLowerCase();
        const value = rest.join("=").trim();
        if (name === "path" && value.startsWith("/")) cookie.path = value;
        else if (name === "max-age" && /^-?\d+$/.test(value)) cookie.expiresAt = this.now() + Number(value) * 1000;
        else if (name === "expires" && cookie.expiresAt === undefined && !Number.isNaN(Date.parse(value))) cookie.expiresAt = Date.parse(value);
        else if (name === "httponly") cookie.httpOnly = true;
        else if (name === "secure") cookie.secure = true;
        else if (name === "samesite") cookie.sameSite = value.toLowerCase();
        else if (name === "partitioned") cookie.partitioned = true;
      }
      this.cookies = this.cookies.filter((kept) => !(kept.name === cookie.name && kept.host === cookie.host && kept.path === cookie.path));
      if (cookie.expiresAt === undefined || cookie.expiresAt > this.now()) this.cookies.push(cookie);
    }
  }

  /** The cookies a request to `url` carries, live ones only. */
  cookiesFor(url: string): StoredCookie[] {
    const { hostname, pathname } = new URL(url);
    const now = this.now();
    return this.cookies.filter(
      (cookie) =>
        cookie.host === hostname &&
        (cookie.expiresAt === undefined || cookie.expiresAt > now) &&
        (pathname === cookie.path || pathname.startsWith(cookie.path.endsWith("/") ? cookie.path : `${cookie.path}/`)),
    );
  }

  /** The Cookie header for a request to `url`, or undefined when there is none. */
  header(url: string): string | undefined {
    const cookies = this.cookiesFor(url);
    return cookies.length === 0 ? undefined : cookies.map((cookie) => `${cookie.name}=${cookie.value}`).join("; ");
  }

  get(url: string, name: string): string | undefined {
    return this.cookiesFor(url).find((cookie) => cookie.name === name)?.value;
  }

  all(): readonly StoredCookie[] {
    return this.cookies;
  }

  clear(): void {
    this.cookies = [];
  }
}

/** RFC 6265 §5.1.4: the directory of the request path. */
function defaultPath(pathname: string): string {
  const lastSlash = pathname.lastIndexOf("/");
  return lastSlash <= 0 ? "/" : pathname.slice(0, lastSlash);
}
