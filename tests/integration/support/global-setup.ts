/**
 * The integration project's global setup: migrates one database of each kind for the whole run
 * and hands them to the test files (tests/integration/support/database.ts copies them per file).
 */
import type { TestProject } from "vitest/node";
import { prepareMigratedImages } from "./database";

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const { images, dispose } = await prepareMigratedImages();
  project.provide("migratedImages", images);
  return dispose;
}
