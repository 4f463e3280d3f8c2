import { describe, expect, it } from "vitest";
import { BodyTooLargeError, readBodyWithin } from "@/lib/server/edge/read-body";

function streamOf(chunks: number, size: number, pulled: { count: number }) {
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled.count >= chunks) return controller.close();
      pulled.count += 1;
      controller.enqueue(new Uint8Array(size).fill(0x61));
    },
  });
}

describe("reading a body with a ceiling", () => {
  it("reads a body within the ceiling whole, and none as empty", async () => {
    const pulled = { count: 0 };
    const req = new Request("http://x/", { method: "POST", body: streamOf(3, 1000, pulled), duplex: "half" } as RequestInit);
    expect((await readBodyWithin(req, 3000)).byteLength).toBe(3000);
    expect((await readBodyWithin(new Request("http://x/"), 10)).byteLength).toBe(0);
  });

  it("stops reading a chunked body as soon as it passes the ceiling", async () => {
    const pulled = { count: 0 };
    const req = new Request("http://x/", { method: "POST", body: streamOf(1000, 1000, pulled), duplex: "half" } as RequestInit);
    await expect(readBodyWithin(req, 5000)).rejects.toBeInstanceOf(BodyTooLargeError);
    // Six chunks pass 5,000 bytes; the stream may have pulled one more ahead.
    expect(pulled.count).toBeLessThanOrEqual(7);
  });

  it("refuses a declared Content-Length over the ceiling before reading, and says the ceiling", async () => {
    const req = new Request("http://x/", { method: "POST", headers: { "content-length": String(50 * 1024 * 1024) }, body: "x" });
    await expect(readBodyWithin(req, 2 * 1024 * 1024)).rejects.toThrow("The request body is larger than 2 MB.");
  });
});
