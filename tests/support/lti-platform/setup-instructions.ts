import type { TestPlatform } from "./platform";

/**
 * What a person needs to connect a Stride at `toolBase` to this platform: the CLI command that
 * registers the platform by hand, the Dynamic Registration URL as the alternative, and where to
 * launch from. Stride's LTI addresses are /lti/login, /lti/launch, /lti/jwks, /lti/register.
 */
export function describeSetup(platform: TestPlatform, toolBase: string): string {
  const quote = (value: string) => (/^[\w.:/@=-]+$/.test(value) ? value : `'${value.replace(/'/g, "'\\''")}'`);
  const deployments = platform.deploymentIds.map((id) => `--deployment ${quote(id)}`).join(" ");
  return [
    `LTI test platform: ${platform.issuer} (client id ${platform.clientId}, deployment ${platform.deploymentId})`,
    "",
    "Register it in Stride by hand (Stride must run with STRIDE_LTI_ALLOW_INSECURE_LOOPBACK=1: this platform is plain http on loopback):",
    `  STRIDE_LTI_ALLOW_INSECURE_LOOPBACK=1 npx stride lti platform add --issuer ${quote(platform.issuer)} --client-id ${quote(platform.clientId)} --name ${quote(platform.name)} --auth-login-url ${quote(platform.urls.authorization)} --token-url ${quote(platform.urls.token)} --jwks-url ${quote(platform.urls.jwks)} ${deployments}`,
    "",
    "or by Dynamic Registration: open this platform's home page and register",
    `  ${toolBase}/lti/register`,
    "",
    `Then launch from ${platform.issuer}/`,
  ].join("\n");
}
