import { describe, expect, it } from "vitest";
import { CLIENT_IP_HEADER, clientIpOf, requestIdOf } from "@/lib/server/http/request-identity";

describe("the client address of a request", () => {
  it("is the TCP peer the launcher wrote when no proxy is trusted, whatever X-Forwarded-For claims", () => {
    const headers = new Headers({ [CLIENT_IP_HEADER]: "10.0.0.7", "x-forwarded-for": "1.2.3.4" });
    expect(clientIpOf(headers, 0)).toBe("10.0.0.7");
  });

  it("is the entry our one trusted proxy appended, not one the client put before it", () => {
    const headers = new Headers({ [CLIENT_IP_HEADER]: "127.0.0.1", "x-forwarded-for": "6.6.6.6, 203.0.113.9" });
    expect(clientIpOf(headers, 1)).toBe("203.0.113.9");
    expect(clientIpOf(headers, 2)).toBe("6.6.6.6");
  });

  it("falls back to the peer when the proxy sent no X-Forwarded-For, and is null for in-process callers", () => {
    expect(clientIpOf(new Headers({ [CLIENT_IP_HEADER]: "127.0.0.1" }), 1)).toBe("127.0.0.1");
    expect(clientIpOf(new Headers(), 0)).toBeNull();
  });
});

describe("the request id", () => {
  it("keeps a proxy's sane id and replaces a missing or hostile one", () => {
    expect(requestIdOf(new Headers({ "x-request-id": "abc-123-def-456" }))).toBe("abc-123-def-456");
    const replaced = requestIdOf(new Headers({ "x-request-id": "<script>alert(1)</script>" }));
    expect(replaced).toMatch(/^[0-9a-f-]{36}$/);
    expect(requestIdOf(new Headers())).toMatch(/^[0-9a-f-]{36}$/);
  });
});
