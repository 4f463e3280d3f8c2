#!/usr/bin/env node
// The `stride` command. It runs the TypeScript sources of a checkout directly: tsx's loader
// compiles each module on import (cached on disk between runs), so there is no build step.
import { fileURLToPath } from "node:url";
import { register } from "tsx/esm/api";

register({ tsconfig: fileURLToPath(new URL("../tsconfig.json", import.meta.url)) });
const { main } = await import("../lib/cli/main.ts");
process.exitCode = await main(process.argv.slice(2));
