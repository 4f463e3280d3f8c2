import { addAdmin } from "../../server/auth/add-admin";
import { AppError } from "../../server/errors";
import { noPositionals, parseFlags, requireFlag } from "../args";
import type { CliIo } from "../io";
import { type BankDatabase, openConfiguredDatabase } from "./bank-database";
import { UsageError } from "../errors";

/**
 * `stride admin add --email E [--name N] [--password P]`: makes E an admin (creating the account
 * when there is none). Prints {"email","created","passwordSet"}, and "password" once when it made
 * one up for a new account.
 */
export async function adminAdd(args: string[], io: CliIo, open: () => Promise<BankDatabase> = openConfiguredDatabase): Promise<number> {
  const command = "admin add";
  const { values, positionals } = parseFlags(command, args, { email: { type: "string" }, name: { type: "string" }, password: { type: "string" } });
  noPositionals(command, positionals);
  const email = requireFlag(command, "email", values.email);
  const { db, close } = await open();
  try {
    const added = await addAdmin({ db, email, name: values.name, password: values.password }).catch((error: unknown) => {
      // The operation names the field ("email: …"), which is the flag's name here.
      if (error instanceof AppError) throw new UsageError(`${command}: --${error.message.replace(/^(\w+): /, "$1 ")}`);
      throw error;
    });
    const { generatedPassword, ...shown } = added;
    await io.out(`${JSON.stringify({ email: shown.email, role: "admin", created: shown.created, passwordSet: shown.passwordSet, ...(generatedPassword ? { password: generatedPassword } : {}) })}\n`);
    if (generatedPassword) io.err("stride: the password above is shown once; sign in with it and change it in Settings.");
    return 0;
  } finally {
    await close();
  }
}
