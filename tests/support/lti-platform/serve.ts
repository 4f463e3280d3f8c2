/**
 * Runs the test platform by itself, for trying Stride as an LMS would use it:
 *
 *   npx tsx tests/support/lti-platform/serve.ts --tool http://localhost:3000 [--port 4010] [--client-id stride]
 *
 * prints how to register it in Stride (the CLI command, or Dynamic Registration) and serves a home
 * page at its issuer that launches into Stride in an iframe, as any role. Ctrl-C stops it.
 */
import { startTestPlatform } from "./platform";
import { describeSetup } from "./setup-instructions";

function argument(name: string, fallback: string): string {
  const index = process.argv.indexOf(name);
  return index >= 0 && process.argv[index + 1] ? process.argv[index + 1]! : fallback;
}

const toolBase = argument("--tool", "http://localhost:3000").replace(/\/$/, "");
const platform = await startTestPlatform({
  port: Number(argument("--port", "4010")),
  clientId: argument("--client-id", "stride"),
  tool: { loginUrl: `${toolBase}/lti/login`, targetLinkUri: `${toolBase}/lti/launch`, jwksUrl: `${toolBase}/lti/jwks` },
  redirectUris: [`${toolBase}/lti/launch`],
});
process.stdout.write(`${describeSetup(platform, toolBase)}\n`);
const stop = () => void platform.close().then(() => process.exit(0));
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
