/**
 * The canonical form of an email address, used to count one person once per petition. Policy:
 * - every address: Unicode NFC, trimmed, lower-cased (the local part of nearly every real mailbox is
 *   case-insensitive, and treating it so only ever merges, never splits, a person);
 * - Gmail (`gmail.com`, `googlemail.com`, one mailbox under both names): dots in the local part are ignored,
 *   and the domain becomes `gmail.com`;
 * - providers known to deliver `name+tag@` to `name@` (below): the `+tag` is dropped. Other domains keep the
 *   `+`, because for them it may be part of a distinct mailbox.
 * The canonical form is only hashed for look-up; mail always goes to the address as typed.
 */

/** Domains whose mailboxes ignore dots in the local part, mapped to the domain they are one with. */
const dotInsensitive: Record<string, string> = { 'gmail.com': 'gmail.com', 'googlemail.com': 'gmail.com' };

/** Domains known to deliver `local+tag@domain` to `local@domain` (sub-addressing). */
export const plusTagDomains: readonly string[] = [
  'gmail.com',
  'googlemail.com',
  'outlook.com',
  'hotmail.com',
  'live.com',
  'msn.com',
  'icloud.com',
  'me.com',
  'mac.com',
  'protonmail.com',
  'proton.me',
  'pm.me',
  'fastmail.com',
  'fastmail.fm',
  'zoho.com',
  'yandex.com',
  'yandex.ru',
];

/** The address trimmed, NFC-normalised and lower-cased (what is mailed and shown back). */
export function trimEmail(email: string): string {
  return email.normalize('NFC').trim().toLowerCase();
}

/**
 * The canonical form of an address (see the policy above); an input without exactly one `@` with text on
 * both sides is only trimmed and lower-cased.
 */
export function canonicalEmail(email: string): string {
  const address = trimEmail(email);
  const at = address.lastIndexOf('@');
  if (at <= 0 || at === address.length - 1 || address.indexOf('@') !== at) return address;
  let local = address.slice(0, at);
  let domain = address.slice(at + 1);
  if (domain.endsWith('.')) domain = domain.slice(0, -1);
  if (plusTagDomains.includes(domain)) {
    const plus = local.indexOf('+');
    if (plus > 0) local = local.slice(0, plus);
  }
  const same = dotInsensitive[domain];
  if (same !== undefined) {
    local = local.replace(/\./g, '');
    domain = same;
  }
  return `${local}@${domain}`;
}
