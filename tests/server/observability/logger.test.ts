import { describe, expect, it } from "vitest";
import { createLogger, plainLine } from "@/lib/server/observability/logger";

function capture() {
  const lines: Record<string, unknown>[] = [];
  return { lines, destination: { write: (line: string) => void lines.push(JSON.parse(line) as Record<string, unknown>) } };
}

describe("the server's logger", () => {
  it("writes one JSON object a line with the level, time, message and fields", () => {
    const { lines, destination } = capture();
    createLogger({ destination }).info({ requestId: "req-12345678", status: 200 }, "api request");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: 30, msg: "api request", requestId: "req-12345678", status: 200, service: "stride" });
    expect(typeof lines[0]!.time).toBe("string");
  });

  it("drops passwords, answers, cookies, tokens and keys, at the top and one level down", () => {
    const { lines, destination } = capture();
    createLogger({ destination }).info(
      { password: "hunter22", answer: "16x15x15", cookie: "better-auth.session=abc", token: "t", input: { answer: "x", password: "p", seed: 7 } },
      "careless",
    );
    const text = JSON.stringify(lines[0]);
    for (const secret of ["hunter22", "16x15x15", "better-auth.session", '"token"', '"password"', '"answer"']) expect(text).not.toContain(secret);
    expect(lines[0]).toMatchObject({ input: { seed: 7 } });
  });

  it("keeps an error's stack under err", () => {
    const { lines, destination } = capture();
    createLogger({ destination }).error({ err: new Error("database down") }, "tRPC procedure failed");
    expect(lines[0]).toMatchObject({ level: 50, err: { type: "Error", message: "database down" } });
    expect((lines[0]!.err as { stack: string }).stack).toContain("logger.test.ts");
  });

  it("prints plain lines for a terminal in development", () => {
    expect(plainLine({ level: 30, time: "t", pid: 1, service: "stride", msg: "ready on http://localhost:3000", port: 3000 })).toBe(
      "[stride] ready on http://localhost:3000 port=3000\n",
    );
    expect(plainLine({ level: 40, msg: "careful" })).toBe("[stride] warn: careful\n");
  });
});
