import { describe, expect, it } from "vitest";
import { migrationDirectoryName, normalizeMigrationName } from "@/lib/db/migration-name";

describe("migration directory names", () => {
  it("prefix the name with the UTC time as YYYYMMDDHHMMSS, as `prisma migrate dev` does", () => {
    // 2026-03-04 05:06:07 UTC, by hand
    expect(migrationDirectoryName("init", new Date(Date.UTC(2026, 2, 4, 5, 6, 7)))).toBe("20260304050607_init");
  });

  it("lower-case the name and turn anything but letters and digits into single underscores", () => {
    expect(normalizeMigrationName("  Add Course-Banks! ")).toBe("add_course_banks");
  });

  it("refuse a name with nothing usable in it", () => {
    expect(() => normalizeMigrationName("--")).toThrow(/not a usable migration name/);
  });
});
