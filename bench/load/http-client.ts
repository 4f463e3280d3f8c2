/**
 * The load generator's HTTP client: node:http over keep-alive connections, as lean as the
 * machine allows (the generator shares the server's two cores), with one cookie jar a learner.
 * It accepts gzip, as every browser does: the server then compresses bodies of 1 KB or more (a
 * review.next payload with its typeset prompt is tens of KB) on libuv's threads, and writes a
 * fifth of the bytes to the socket.
 */
import http from "node:http";
import { gunzipSync } from "node:zlib";

export interface HttpResult {
  status: number;
  body: string;
  setCookies: string[];
  ms: number;
}

export class HttpClient {
  readonly base: URL;
  private readonly agent: http.Agent;

  constructor(base: string, sockets: number) {
    this.base = new URL(base);
    this.agent = new http.Agent({ keepAlive: true, maxSockets: sockets, maxFreeSockets: sockets });
  }

  request(method: "GET" | "POST", path: string, options: { body?: string; cookie?: string } = {}): Promise<HttpResult> {
    const headers: Record<string, string> = { origin: this.base.origin, accept: "application/json", "accept-encoding": "gzip" };
    if (options.body !== undefined) {
      headers["content-type"] = "application/json";
      headers["content-length"] = String(Buffer.byteLength(options.body));
    }
    if (options.cookie) headers.cookie = options.cookie;
    const started = performance.now();
    return new Promise((resolve, reject) => {
      const req = http.request({ host: this.base.hostname, port: this.base.port, path, method, headers, agent: this.agent }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () => {
          const setCookie = res.headers["set-cookie"] ?? [];
          const ms = performance.now() - started;
          const raw = Buffer.concat(chunks);
          const body = res.headers["content-encoding"] === "gzip" ? gunzipSync(raw) : raw;
          resolve({ status: res.statusCode ?? 0, body: body.toString("utf8"), setCookies: setCookie, ms });
        });
        res.on("error", reject);
      });
      req.on("error", reject);
      if (options.body !== undefined) req.write(options.body);
      req.end();
    });
  }

  close() {
    this.agent.destroy();
  }
}

/** A browser's cookie jar, reduced to what better-auth sets: name=value pairs, replaced as they come. */
export class CookieJar {
  private readonly cookies = new Map<string, string>();

  take(setCookies: readonly string[]) {
    for (const line of setCookies) {
      const [pair = "", ...attributes] = line.split(";");
      const eq = pair.indexOf("=");
      if (eq <= 0) continue;
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expired = attributes.some((attribute) => /^\s*max-age=0\s*$/i.test(attribute)) || value === "";
      if (expired) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  }
}
