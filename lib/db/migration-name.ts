/**
 * Names of migration directories in Prisma's layout, `<YYYYMMDDHHMMSS>_<name>` (UTC), the same
 * names `prisma migrate dev` gives, so that the folders sort in the order they were made.
 */

/** Lower-case letters, digits and single underscores; Prisma accepts nothing else in a name. */
export function normalizeMigrationName(name: string): string {
  const normalized = name
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "");
  if (!normalized) throw new Error(`"${name}" is not a usable migration name: use letters, digits and underscores.`);
  return normalized;
}

export function migrationDirectoryName(name: string, now: Date): string {
  const stamp = now.toISOString().replace(/[-:T]/g, "").slice(0, 14);
  return `${stamp}_${normalizeMigrationName(name)}`;
}
