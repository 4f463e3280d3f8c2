/**
 * The URL rules of Stride's calls to an LMS's services: a line item's scores URL keeps its query
 * (Moodle's line items carry ?type_id=…), and the next page of a container comes from its Link header.
 */
import { describe, expect, it } from "vitest";
import { nextPageOf } from "@/lib/server/lti/access-token";
import { scoresUrlOf } from "@/lib/server/lti/ags";

const withLink = (link: string | null) => new Response("[]", { headers: link === null ? {} : { link } });

describe("LMS service URLs", () => {
  it("appends /scores to the line item's path, keeping its query", () => {
    expect(scoresUrlOf("https://lms.example/api/lti/courses/1/line_items/7")).toBe("https://lms.example/api/lti/courses/1/line_items/7/scores");
    expect(scoresUrlOf("https://moodle.example/mod/lti/services.php/2/lineitems/5/lineitem?type_id=3")).toBe("https://moodle.example/mod/lti/services.php/2/lineitems/5/lineitem/scores?type_id=3");
    expect(scoresUrlOf("https://lms.example/items/7/")).toBe("https://lms.example/items/7/scores");
  });

  it("reads rel=next among other links, and nothing when there is none", () => {
    expect(nextPageOf(withLink('<https://lms.example/m?page=1>; rel="first", <https://lms.example/m?page=3>; rel="next"'))).toBe("https://lms.example/m?page=3");
    expect(nextPageOf(withLink("<https://lms.example/m?page=2>; rel=next"))).toBe("https://lms.example/m?page=2");
    expect(nextPageOf(withLink('<https://lms.example/m?page=9>; rel="last"'))).toBeNull();
    expect(nextPageOf(withLink(null))).toBeNull();
  });
});
