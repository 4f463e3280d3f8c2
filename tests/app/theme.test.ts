import { describe, expect, it } from "vitest";
import { themeFromCookie } from "@/app/_components/theme";

describe("themeFromCookie", () => {
  it("keeps a theme the switcher wrote", () => {
    expect(themeFromCookie("light")).toBe("light");
    expect(themeFromCookie("dark")).toBe("dark");
    expect(themeFromCookie("system")).toBe("system");
  });

  it("follows the system for no cookie, an empty one or a forged one", () => {
    expect(themeFromCookie(undefined)).toBe("system");
    expect(themeFromCookie("")).toBe("system");
    expect(themeFromCookie("Dark")).toBe("system");
    expect(themeFromCookie('dark" onload="x')).toBe("system");
  });
});
