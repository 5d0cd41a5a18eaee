/**
 * Help resources (hotlines, legal aid, shelters) that organisations maintain for the public "know your rights"
 * pages. Policy: every field is checked here, once, for every path (API, CLI, workspace), and every problem is
 * reported at once, each naming its field: a phone is E.164 (`+` then 8 to 15 digits, spaces, dots, dashes
 * and brackets ignored), a URL is `https://` only (no `http:`, `javascript:` or credentials), a language is an
 * ISO 639-1 code with an optional BCP 47 region (`es`, `pt-BR`), and the last-verified date is a real date
 * not after today. A resource without a phone or a URL tells nobody how to get help, so one of them is needed.
 */

/** What a help resource is. */
export const helpResourceKinds = ['hotline', 'legal_aid', 'shelter', 'other'] as const;
/** The kind of a help resource. */
export type HelpResourceKind = (typeof helpResourceKinds)[number];

/** Limits enforced on every path. */
export const helpResourceLimits = { name: 200, hours: 500, description: 2_000, languages: 20 } as const;

/** A help resource as the organisation entered it (already cleaned). */
export interface HelpResourceFields {
  jurisdictionId: string;
  kind: HelpResourceKind;
  name: string;
  phone: string | null;
  url: string | null;
  languages: string[];
  hours: string | null;
  description: string | null;
  /** YYYY-MM-DD, not after today. */
  lastVerified: string;
  published: boolean;
}

/** A stored help resource. */
export interface HelpResource extends HelpResourceFields {
  id: string;
  organizationId: string;
  createdAt: string;
  updatedAt: string;
}

/** One problem with one field. */
export interface HelpResourceProblem {
  field: string;
  message: string;
}

// ISO 639-1 two-letter codes (the alpha-2 set), so `xx` or `english` is refused with a clear message.
const iso6391 = new Set(
  (
    'aa ab ae af ak am an ar as av ay az ba be bg bi bm bn bo br bs ca ce ch co cr cs cu cv cy da de dv dz ee ' +
    'el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu hy hz ia id ie ig ii ik io ' +
    'is it iu ja jv ka kg ki kj kk kl km kn ko kr ks ku kv kw ky la lb lg li ln lo lt lu lv mg mh mi mk ml mn ' +
    'mr ms mt my na nb nd ne ng nl nn no nr nv ny oc oj om or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se ' +
    'sg si sk sl sm sn so sq sr ss st su sv sw ta te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi vo ' +
    'wa wo xh yi yo za zh zu'
  ).split(' '),
);

/** The language code in canonical case (`pt-BR`), or null when it is not ISO 639-1 with an optional region. */
export function normalizeLanguage(code: string): string | null {
  const m = /^([A-Za-z]{2})(?:[-_]([A-Za-z]{2}|\d{3}))?$/.exec(code.trim());
  if (!m) return null;
  const lang = (m[1] as string).toLowerCase();
  if (!iso6391.has(lang)) return null;
  return m[2] ? `${lang}-${m[2].toUpperCase()}` : lang;
}

/** The phone in E.164 (`+34900123456`), or null when it is not one. */
export function normalizePhone(phone: string): string | null {
  const compact = phone.trim().replace(/[\s.()-]/g, '');
  return /^\+[1-9]\d{7,14}$/.test(compact) ? compact : null;
}

/** The URL when it is an https address without credentials, else null. */
export function normalizeHttpsUrl(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return null;
  }
  if (parsed.protocol !== 'https:' || parsed.username || parsed.password || !parsed.hostname) return null;
  return parsed.toString();
}

function realDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/** Raw input for a help resource (from JSON, a CLI flag or a form). */
export interface HelpResourceInput {
  jurisdictionId: string;
  kind: string;
  name: string;
  phone?: string | null;
  url?: string | null;
  languages?: string[];
  hours?: string | null;
  description?: string | null;
  lastVerified: string;
  published?: boolean;
}

const text = (v: string | null | undefined) => (v ?? '').trim() || null;

/** Cleans and checks a help resource against `today` (YYYY-MM-DD): the fields, or every problem found. */
export function checkHelpResource(
  input: HelpResourceInput,
  today: string,
): { ok: true; fields: HelpResourceFields } | { ok: false; problems: HelpResourceProblem[] } {
  const problems: HelpResourceProblem[] = [];
  const add = (field: string, message: string) => problems.push({ field, message });
  const kind = helpResourceKinds.find((k) => k === input.kind);
  if (!kind) add('kind', `must be one of ${helpResourceKinds.join(', ')}`);
  const name = input.name.trim();
  if (name === '' || name.length > helpResourceLimits.name)
    add('name', `1 to ${helpResourceLimits.name} characters`);
  const rawPhone = text(input.phone);
  const phone = rawPhone === null ? null : normalizePhone(rawPhone);
  if (rawPhone !== null && phone === null)
    add(
      'phone',
      `"${rawPhone.slice(0, 40)}" is not an international number in E.164 form, such as +34 900 123 456`,
    );
  const rawUrl = text(input.url);
  const url = rawUrl === null ? null : normalizeHttpsUrl(rawUrl);
  if (rawUrl !== null && url === null)
    add('url', 'must be an https:// address (http:, javascript: and others are refused)');
  if (rawPhone === null && rawUrl === null) add('phone', 'give a phone number or a URL (or both)');
  const languages: string[] = [];
  const rawLanguages = input.languages ?? [];
  if (rawLanguages.length > helpResourceLimits.languages)
    add('languages', `at most ${helpResourceLimits.languages} languages`);
  for (const [i, code] of rawLanguages.entries()) {
    const normal = normalizeLanguage(code);
    if (normal === null)
      add(
        `languages[${i}]`,
        `"${code.slice(0, 20)}" is not a language code such as es, fr or pt-BR (ISO 639-1)`,
      );
    else if (!languages.includes(normal)) languages.push(normal);
  }
  const hours = text(input.hours);
  if (hours !== null && hours.length > helpResourceLimits.hours)
    add('hours', `at most ${helpResourceLimits.hours} characters`);
  const description = text(input.description);
  if (description !== null && description.length > helpResourceLimits.description)
    add('description', `at most ${helpResourceLimits.description} characters`);
  const lastVerified = input.lastVerified.trim();
  if (!realDate(lastVerified)) add('lastVerified', 'a date YYYY-MM-DD is required');
  else if (lastVerified > today) add('lastVerified', `cannot be in the future (today is ${today})`);
  if (input.jurisdictionId.trim() === '') add('jurisdictionId', 'required');
  if (problems.length > 0 || !kind) return { ok: false, problems };
  return {
    ok: true,
    fields: {
      jurisdictionId: input.jurisdictionId.trim(),
      kind,
      name,
      phone,
      url,
      languages,
      hours,
      description,
      lastVerified,
      published: input.published ?? false,
    },
  };
}
