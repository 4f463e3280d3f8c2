import { randomInt } from "node:crypto";

/**
 * Join codes are read aloud and copied from a projector, so the alphabet leaves out the letters
 * and digits people confuse (0/O, 1/I/L, 5/S, 2/Z, 8/B); 8 characters from 24 give 24^8 ≈ 1.1·10^11
 * codes, so a random guess finds a course with negligible chance.
 */
export const JOIN_CODE_ALPHABET = "ACDEFGHJKMNPQRTUVWXY3467";
export const JOIN_CODE_LENGTH = 8;

export function randomJoinCode(random: (max: number) => number = randomInt): string {
  let code = "";
  for (let i = 0; i < JOIN_CODE_LENGTH; i += 1) code += JOIN_CODE_ALPHABET[random(JOIN_CODE_ALPHABET.length)];
  return code;
}

/** What a person typed, as stored: upper case, spaces and dashes dropped. */
export function normalizeJoinCode(typed: string): string {
  return typed.replace(/[\s-]/g, "").toUpperCase();
}

/** The link a learner follows to join (the page reads the code from it). */
export function joinPath(code: string): string {
  return `/join/${code}`;
}
