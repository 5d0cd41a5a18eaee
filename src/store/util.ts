/** Small helpers shared by the repositories: clock, ids, JSON columns. */
import { randomUUID } from 'node:crypto';

/** Current time as stored: ISO-8601 UTC with milliseconds. */
export function nowIso(clock: () => Date = () => new Date()): string {
  return clock().toISOString();
}

/** A new random id (UUID v4). */
export function newId(): string {
  return randomUUID();
}

/** Parses a JSON column written by this store. */
export function fromJson<T>(text: string): T {
  return JSON.parse(text) as T;
}
