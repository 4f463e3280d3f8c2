/**
 * The one logger of the server side (the launcher, the Next.js server, the job worker): pino,
 * one JSON object a line on stdout, which is what a log shipper (journald, Docker, Loki) reads.
 * In development the same records are printed as short plain lines, for a person at a terminal.
 *
 * What never goes into a log: answers, passwords, cookies, tokens, keys. Callers log ids and
 * outcomes, not inputs; the redaction below is the safety net for a field passed by mistake.
 * No `server-only` here: scripts/start.ts runs outside Next.js and logs through this module too.
 */
import pino, { type DestinationStream, type Logger } from "pino";
import { env } from "@/lib/env";

export type { Logger };

/** Field names that are dropped wherever they appear (one level down too, e.g. `input.answer`). */
const SECRET_FIELDS = ["password", "answer", "cookie", "authorization", "token", "secret", "key", "apiKey"];
const REDACT = [...SECRET_FIELDS, ...SECRET_FIELDS.map((field) => `*.${field}`), "req.headers.cookie", "req.headers.authorization"];

const LEVELS: Record<number, string> = { 10: "trace", 20: "debug", 30: "info", 40: "warn", 50: "error", 60: "fatal" };
const OWN_FIELDS = new Set(["level", "time", "pid", "hostname", "msg", "service", "err"]);

/** Development's plain lines: `[stride] msg key=value …`, and an error's stack below it. */
export function plainLine(record: Record<string, unknown>): string {
  const level = LEVELS[record.level as number] ?? "info";
  const fields = Object.entries(record)
    .filter(([name]) => !OWN_FIELDS.has(name))
    .map(([name, value]) => `${name}=${typeof value === "string" ? value : JSON.stringify(value)}`);
  const prefix = level === "info" ? "[stride]" : `[stride] ${level}:`;
  const err = record.err as { stack?: string; message?: string } | undefined;
  const tail = err ? `\n${err.stack ?? err.message ?? ""}` : "";
  return `${[prefix, record.msg, ...fields].filter((part) => part !== undefined && part !== "").join(" ")}${tail}\n`;
}

const plainDestination: DestinationStream = {
  write(line: string) {
    try {
      process.stdout.write(plainLine(JSON.parse(line) as Record<string, unknown>));
    } catch {
      process.stdout.write(line);
    }
  },
};

export type CreateLoggerOptions = {
  /** `json` for production and log shippers, `plain` for a terminal. */
  format?: "json" | "plain";
  level?: string;
  /** Where lines go (tests capture them); stdout by default. */
  destination?: DestinationStream;
};

export function createLogger({ format = "json", level = "info", destination }: CreateLoggerOptions = {}): Logger {
  return pino(
    {
      level,
      base: { service: "stride", pid: process.pid },
      redact: { paths: REDACT, remove: true },
      timestamp: pino.stdTimeFunctions.isoTime,
      // `err` carries its stack; pino's serializer keeps type, message, stack and own fields.
      serializers: { err: pino.stdSerializers.err },
    },
    destination ?? (format === "plain" ? plainDestination : pino.destination({ fd: 1, sync: true })),
  );
}

// One logger per process, even when Next.js loads this module in several route bundles.
const holder = globalThis as typeof globalThis & { strideLogger?: Logger };

/**
 * The process's logger, its level from STRIDE_LOG_LEVEL. STRIDE_LOG_FORMAT decides the format;
 * without it, JSON when stdout goes to a pipe or a file (systemd, Docker, a log shipper) in
 * production, plain lines at a terminal (`npm start` on a laptop) and in development.
 */
export function getLogger(): Logger {
  if (!holder.strideLogger) {
    const config = env();
    const format = config.STRIDE_LOG_FORMAT ?? (config.NODE_ENV === "production" && !process.stdout.isTTY ? "json" : "plain");
    holder.strideLogger = createLogger({ format, level: config.STRIDE_LOG_LEVEL });
  }
  return holder.strideLogger;
}
