/**
 * Invented bills for the import benchmark (bench/rows/bills-import.ts) and the export round trip, from a
 * fixed seed so every run writes the same files: a few US states × a few sessions, one JSON array per (state,
 * session) as the Open States per-session bulk JSON export writes it (`{st}_{session}_bills.json`,
 * ../shared/reference/formats.md §1.1). Each bill has 3–15 actions with Open States classes in a plausible
 * order, 1–6 sponsors, a subject or two, an abstract and 1–2 versions with links.
 */
import { seededRandom } from './seeded-random.ts';

/** The states the bills are spread over: postal code, name. */
export const benchStates = [
  ['tx', 'Texas'],
  ['ks', 'Kansas'],
  ['md', 'Maryland'],
  ['or', 'Oregon'],
  ['vt', 'Vermont'],
] as const;
/** The sessions of every state. */
export const benchSessions = ['2089R', '2090R', '2090S1', '2091R'] as const;

/** One generated file: its name, the state's OCD jurisdiction id, how many bills, and its JSON text. */
export interface GeneratedBillFile {
  name: string;
  jurisdiction: string;
  bills: number;
  text: string;
}

const subjects = [
  'Labor and Employment',
  'Crimes and Offenses',
  'Immigration',
  'Children and Youth',
  'Transportation',
  'Health',
  'Courts',
  'Commerce',
  'Education',
  'Public Safety',
];
const nouns = ['agencies', 'carriers', 'employers', 'shelters', 'courts', 'hotels', 'recruiters', 'schools'];
const duties = ['reporting', 'training', 'posting notices', 'screening', 'record keeping', 'disclosure'];
const given = ['Avery', 'Rowan', 'Jordan', 'Morgan', 'Casey', 'Riley', 'Quinn', 'Emerson', 'Harper', 'Sage'];
const family = ['Quill', 'Pike', 'Marsh', 'Thorne', 'Vale', 'Brook', 'Fenn', 'Hollis', 'Lark', 'Reed'];

/** A bill's path through the legislature: [description, classes, chamber] steps in order. */
const firstChamber: Array<[string, string[]]> = [
  ['Filed', ['filing']],
  ['Introduced and read first time', ['introduction', 'reading-1']],
  ['Referred to Committee on Invented Affairs', ['referral-committee']],
  ['Public hearing held', ['hearing-held']],
  ['Reported favorably, as amended', ['committee-passage-favorable']],
  ['Amendment 1 offered', ['amendment-introduction']],
  ['Amendment 1 adopted', ['amendment-passage']],
  ['Read second time', ['reading-2']],
  ['Read third time; passed', ['reading-3', 'passage']],
];
const secondChamber: Array<[string, string[]]> = [
  ['Received from the other chamber', ['receipt', 'introduction']],
  ['Referred to Committee on Imaginary Matters', ['referral-committee']],
  ['Reported favorably', ['committee-passage-favorable']],
  ['Read third time; passed', ['reading-3', 'passage']],
  ['Enrolled', ['enrolled']],
];
const executive: Array<[string, string[]]> = [
  ['Sent to the Governor', ['executive-receipt']],
  ['Signed by the Governor', ['executive-signature']],
];

const pad = (n: number) => String(n).padStart(2, '0');

/** Bills of one state and session as bulk JSON objects. */
function billsOf(
  next: () => number,
  state: (typeof benchStates)[number],
  session: string,
  count: number,
): unknown[] {
  const [code, name] = state;
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)] as T;
  const hex = (n: number) => Array.from({ length: n }, () => Math.floor(next() * 16).toString(16)).join('');
  const year = Number(session.slice(0, 4));
  const bills: unknown[] = [];
  for (let i = 0; i < count; i++) {
    const lower = i % 2 === 0;
    const chambers = lower ? (['lower', 'upper'] as const) : (['upper', 'lower'] as const);
    const chamberName = (c: 'lower' | 'upper') => (c === 'lower' ? 'House' : 'Senate');
    const identifier = `${lower ? 'HB' : 'SB'} ${1000 + Math.floor(i / 2)}`;
    // 3–15 actions: how far along the path the bill got decides how many.
    const steps: Array<[string, string[], string]> = [
      ...firstChamber.map(([d, c]): [string, string[], string] => [d, c, chambers[0]]),
      ...secondChamber.map(([d, c]): [string, string[], string] => [d, c, chambers[1]]),
      ...executive.map(([d, c]): [string, string[], string] => [d, c, 'executive']),
    ];
    const taken = steps.slice(0, 3 + Math.floor(next() * 13));
    let month = 1;
    let day = 1 + Math.floor(next() * 20);
    const actions = taken.map(([description, classification, chamber], order) => {
      day += 1 + Math.floor(next() * 9);
      if (day > 28) {
        month = Math.min(12, month + 1);
        day -= 27;
      }
      const date = `${year}-${pad(month)}-${pad(day)}`;
      const orgName = chamber === 'executive' ? 'Governor' : chamberName(chamber as 'lower' | 'upper');
      return { organization__name: orgName, description, date, classification, order: order + 1 };
    });
    const sponsors = Array.from({ length: 1 + Math.floor(next() * 6) }, (_, k) => ({
      name: `${pick(given)} ${pick(family)}`,
      primary: k === 0,
      classification: k === 0 ? 'primary' : 'cosponsor',
    }));
    const subject = [pick(subjects), ...(next() < 0.4 ? [pick(subjects)] : [])];
    const slug = `${identifier.replace(' ', '').toLowerCase()}`;
    const versions = Array.from({ length: 1 + Math.floor(next() * 2) }, (_, k) => ({
      note: k === 0 ? 'Introduced' : 'Engrossed',
      date: actions[Math.min(k * 4, actions.length - 1)]?.date ?? `${year}-01-01`,
      links: [
        {
          url: `https://example.invalid/${code}/${session}/${slug}_v${k + 1}.pdf`,
          media_type: 'application/pdf',
        },
        ...(next() < 0.5
          ? [
              {
                url: `https://example.invalid/${code}/${session}/${slug}_v${k + 1}.html`,
                media_type: 'text/html',
              },
            ]
          : []),
      ],
    }));
    const title = `An invented act concerning ${pick(duties)} by ${pick(nouns)} (${identifier})`;
    const abstract = `Requires ${pick(nouns)} to adopt ${pick(duties)} duties; sets an invented penalty of ${
      100 + Math.floor(next() * 900)
    } units for each violation, and asks for a report by ${year + 1}.`;
    const id = `ocd-bill/${hex(8)}-${hex(4)}-4${hex(3)}-8${hex(3)}-${hex(12)}`;
    const common = {
      identifier,
      title,
      classification: ['bill'],
      subject,
      abstracts: [{ abstract, note: 'As introduced', date: actions[0]?.date ?? null }],
      actions,
      versions,
      documents: [],
      sources: [{ url: `https://example.invalid/${code}/${session}/${slug}` }],
    };
    bills.push({
      id,
      legislative_session: session,
      jurisdiction_name: name,
      ...common,
      chamber: chambers[0],
      sponsors,
      related_bills: [],
    });
  }
  return bills;
}

/** `total` bills spread evenly over every state × session, one file each, from a fixed seed. */
export function generateBillFiles(total: number): GeneratedBillFile[] {
  const next = seededRandom(20261205);
  const files: GeneratedBillFile[] = [];
  const cells = benchStates.length * benchSessions.length;
  let left = total;
  for (const [s, state] of benchStates.entries()) {
    for (const [k, session] of benchSessions.entries()) {
      const cell = s * benchSessions.length + k;
      const count = Math.floor(left / (cells - cell));
      left -= count;
      if (count === 0) continue;
      files.push({
        name: `${state[0]}/${session}/${state[0]}_${session}_bills.json`,
        jurisdiction: `ocd-jurisdiction/country:us/state:${state[0]}/government`,
        bills: count,
        text: JSON.stringify(billsOf(next, state, session, count)),
      });
    }
  }
  return files;
}
