import bcrypt from "bcryptjs";

/** bcrypt cost: about 60–80 ms per hash here; enough against offline guessing of a leak. */
export const HASH_COST = 10;

export function hashSecret(secret: string): Promise<string> {
  return bcrypt.hash(secret, HASH_COST);
}

// A real hash of a random string, so checking against "no such user" costs the same time
// as checking a real user's hash: the answer time does not tell which e-mails exist.
const DUMMY_HASH = "$2b$10$CwTycUXWue0Thq9StjUM0uJ8.wr8hT9SL0J6Vmq9r1Y0RcsA9b8gG";

/** Compares a secret with a stored hash; `null` (unknown user, no PIN) is checked against a dummy. */
export async function verifySecret(secret: string, hash: string | null | undefined): Promise<boolean> {
  if (!hash) {
    await bcrypt.compare(secret, DUMMY_HASH);
    return false;
  }
  return bcrypt.compare(secret, hash);
}
