import { exportJWK, generateKeyPair, type CryptoKey, type JWK } from "jose";
import { randomBytes } from "node:crypto";

/** One RSA signing key of the platform: the private half signs, the public half is in the JWKS. */
export interface SigningKey {
  kid: string;
  privateKey: CryptoKey;
  publicJwk: JWK;
}

/**
 * A fresh RS256 key (LTI Security Framework 1.0 §6.1: RSA with SHA-256, the key named by `kid`
 * in the JWT header and published in a JWK Set).
 */
export async function createSigningKey(kid = `platform-${randomBytes(6).toString("hex")}`): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair("RS256", { extractable: true });
  const publicJwk = { ...(await exportJWK(publicKey)), kid, alg: "RS256", use: "sig" };
  return { kid, privateKey, publicJwk };
}

/** The platform's key ring: the newest key signs, every key not yet dropped stays in the JWKS. */
export class KeyRing {
  private keys: SigningKey[];

  private constructor(first: SigningKey) {
    this.keys = [first];
  }

  static async create(): Promise<KeyRing> {
    return new KeyRing(await createSigningKey());
  }

  get current(): SigningKey {
    return this.keys[this.keys.length - 1]!;
  }

  /** A new current key; the previous ones stay published, as a platform rotating its keys does. */
  async rotate(): Promise<SigningKey> {
    const key = await createSigningKey();
    this.keys.push(key);
    return key;
  }

  /** Stop publishing every key but the current one. */
  dropOldKeys(): void {
    this.keys = [this.current];
  }

  jwks(): { keys: JWK[] } {
    return { keys: this.keys.map((key) => key.publicJwk) };
  }
}
