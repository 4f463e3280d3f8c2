import { AppError } from "../../server/errors";
import { UsageError } from "../errors";

/**
 * Runs a bank operation, turning the app's refusals (a bad bundle, not an owner, no such bank)
 * into the CLI's caller errors: one line on stderr, exit status 2.
 */
export async function asCliErrors<T>(task: () => Promise<T> | T): Promise<T> {
  try {
    return await task();
  } catch (error) {
    if (error instanceof AppError) throw new UsageError(error.message);
    throw error;
  }
}
