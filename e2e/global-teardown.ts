import { rmSync } from "node:fs";

/** The journeys' database is thrown away with the run. */
export default function globalTeardown() {
  const dir = process.env.STRIDE_E2E_DATA_DIR;
  if (dir && dir.includes("e2e-")) rmSync(dir, { recursive: true, force: true });
}
