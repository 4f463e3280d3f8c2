import http from "node:http";
import type { AddressInfo } from "node:net";
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { acceptsGzip, MIN_COMPRESSED_BYTES, SYNC_GZIP_MAX_BYTES, sendWebResponse } from "@/lib/server/http/node-bridge";

/** A server that answers every request with the Response `next` holds, through sendWebResponse. */
let next: () => Response = () => new Response(null);
let server: http.Server;
let base = "";

beforeAll(async () => {
  server = http.createServer((req, res) => void sendWebResponse(res, next(), { acceptEncoding: req.headers["accept-encoding"], headers: [{ key: "x-frame-options", value: "DENY" }] }));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

function get(acceptEncoding?: string): Promise<{ headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    http
      .get(base, { headers: acceptEncoding ? { "accept-encoding": acceptEncoding } : {} }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
      })
      .on("error", reject);
  });
}

const jsonOf = (characters: number) => JSON.stringify({ html: "<span class=\"mord\">7</span>".repeat(Math.ceil(characters / 27)).slice(0, characters) });

describe("sendWebResponse", () => {
  it("gzips a JSON body of 1 KB or more for a client that accepts gzip, and the bytes come back the same", async () => {
    const text = jsonOf(40_000);
    next = () => Response.json(JSON.parse(text));
    const { headers, body } = await get("gzip, deflate, br");
    expect(headers["content-encoding"]).toBe("gzip");
    expect(headers.vary).toContain("Accept-Encoding");
    expect(headers["x-frame-options"]).toBe("DENY");
    expect(body.length).toBeLessThan(text.length / 5);
    expect(gunzipSync(body).toString("utf8")).toBe(text);
  });

  it("compresses bodies past SYNC_GZIP_MAX_BYTES too (on the thread pool)", async () => {
    const text = jsonOf(SYNC_GZIP_MAX_BYTES + 10_000);
    next = () => Response.json(JSON.parse(text));
    const { headers, body } = await get("gzip");
    expect(headers["content-encoding"]).toBe("gzip");
    expect(gunzipSync(body).toString("utf8")).toBe(text);
  });

  it("sends small bodies, and every body to a client that does not accept gzip, as they are", async () => {
    const small = jsonOf(MIN_COMPRESSED_BYTES - 100);
    next = () => Response.json(JSON.parse(small));
    const first = await get("gzip");
    expect(first.headers["content-encoding"]).toBeUndefined();
    expect(first.body.toString("utf8")).toBe(small);
    const large = jsonOf(5_000);
    next = () => Response.json(JSON.parse(large));
    const second = await get("gzip;q=0");
    expect(second.headers["content-encoding"]).toBeUndefined();
    expect(second.body.toString("utf8")).toBe(large);
  });

  it("reads Accept-Encoding as a browser sends it", () => {
    expect(acceptsGzip("gzip, deflate, br, zstd")).toBe(true);
    expect(acceptsGzip("br;q=1.0, gzip;q=0.8")).toBe(true);
    expect(acceptsGzip("*")).toBe(true);
    expect(acceptsGzip("gzip;q=0")).toBe(false);
    expect(acceptsGzip("br")).toBe(false);
    expect(acceptsGzip(undefined)).toBe(false);
  });
});
