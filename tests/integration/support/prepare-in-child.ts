/**
 * One app instance's start-up preparation in a process of its own, as `npm start` runs it:
 * `node --import tsx prepare-in-child.ts <databaseUrl>`. Prints the preparation's report as one
 * JSON line and exits 0, or prints the error and exits 1.
 */
import { prepareDatabase } from "@/lib/server/startup/prepare-database";

const [url] = process.argv.slice(2);
if (!url) throw new Error("usage: prepare-in-child.ts <databaseUrl>");

try {
  const report = await prepareDatabase({
    url,
    kind: "postgres",
    demo: true,
    auth: { baseURL: "http://localhost:3000", secret: "a-test-secret-of-at-least-32-characters", trustedOrigins: [] },
  });
  console.log(JSON.stringify(report));
  process.exit(0);
} catch (error) {
  console.error(error);
  process.exit(1);
}
