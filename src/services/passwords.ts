/**
 * Password hashing policy: argon2id at m=19456 KiB, t=2, p=1 (the OWASP minimum), with at most two hashes
 * computed at once so a login flood cannot exhaust the machine's memory. Unknown accounts are verified
 * against a fixed dummy hash so a wrong email takes as long as a wrong password.
 */
import { hash, verify } from '@node-rs/argon2';
import { passwordProblem } from '../core/auth/accounts.ts';
import { DomainError } from '../core/errors.ts';

const options = { algorithm: 2 as const, memoryCost: 19456, timeCost: 2, parallelism: 1 };
const maxConcurrent = 2;
let running = 0;
const waiting: Array<() => void> = [];

async function limited<T>(work: () => Promise<T>): Promise<T> {
  if (running >= maxConcurrent) await new Promise<void>((resolve) => waiting.push(resolve));
  running++;
  try {
    return await work();
  } finally {
    running--;
    waiting.shift()?.();
  }
}

/** Hashes a password with argon2id after checking it against the policy; throws PASSWORD_WEAK. */
export async function hashPassword(password: string, context: string[] = []): Promise<string> {
  const problem = passwordProblem(password, context);
  if (problem) throw new DomainError('PASSWORD_WEAK', problem, { field: 'password' });
  return limited(() => hash(password, options));
}

let dummy: Promise<string> | null = null;

/** Verifies a password; with a null hash, burns the same time and returns false. */
export async function verifyPassword(passwordHash: string | null, password: string): Promise<boolean> {
  dummy ??= limited(() => hash('not-a-real-password-for-timing', options));
  const target = passwordHash ?? (await dummy);
  try {
    const ok = await limited(() => verify(target, password));
    return ok && passwordHash !== null;
  } catch {
    return false;
  }
}
