/** Why a formula cannot be used or evaluated; the message is for the question's author. */
export class FormulaError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "FormulaError";
  }
}
