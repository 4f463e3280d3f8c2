/**
 * The integration projects' global setup: migrates one database of each kind for the whole run
 * and hands them to the test files (tests/integration/support/database.ts copies them per file).
 *
 * Both projects (vitest.config.ts: files that share a module graph, and those that need their
 * own) name this file, and Vitest calls it once for each, at once, in its own process. They share
 * one preparation, held on the process's global object: two migrations side by side would run
 * the schema engine's WebAssembly twice at once, which it does not survive, and would cost the
 * seconds twice. The last project to finish disposes of it.
 */
import type { TestProject } from "vitest/node";
import { prepareMigratedImages } from "./database";

type Prepared = Awaited<ReturnType<typeof prepareMigratedImages>>;

const holder = globalThis as typeof globalThis & { strideMigratedImages?: { prepared: Promise<Prepared>; users: number } };

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  holder.strideMigratedImages ??= { prepared: prepareMigratedImages(), users: 0 };
  const shared = holder.strideMigratedImages;
  shared.users += 1;
  const { images, dispose } = await shared.prepared;
  project.provide("migratedImages", images);
  return async () => {
    shared.users -= 1;
    if (shared.users > 0) return;
    delete holder.strideMigratedImages;
    await dispose();
  };
}
