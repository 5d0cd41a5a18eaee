/**
 * Open-data releases: per framework version, the published dataset as a score sheet (answers.csv), its
 * codebook, dataset.json, a changelog, the licence with how to cite, and SHA256SUMS. Policy: everything is read
 * as the anonymous public actor through the portal's published-only loaders (`loadCountedRecords`,
 * `scoreRecordsOn`), so only published answers of the built-in jurisdictions are ever included, and the
 * scores are the very ones the report cards show. A release is validated before anyone may download it
 * (columns present, every column in the codebook, every jurisdiction's total recomputed from the CSV equal to
 * its score, checksums re-hashed); a failure is EXPORT_INVALID and nothing is served.
 */
import { createHash } from 'node:crypto';
import { publicActor } from '../core/auth/permissions.ts';
import type { CodedModifierFinding } from '../core/coding/modifier-findings.ts';
import type { CodedAnswer } from '../core/coding/types.ts';
import { DomainError } from '../core/errors.ts';
import { datasetRows } from '../core/export/dataset.ts';
import {
  type OpenScore,
  openAnswerHeader,
  openAnswerRows,
  openAnswersCsv,
  openAnswersFormat,
  recomputeTotals,
} from '../core/export/open-data.ts';
import {
  type ChangelogEntry,
  citationText,
  type DataLicenseId,
  dataLicenses,
  licenseText,
  openChangelogMarkdown,
  openCodebookMarkdown,
  type ReleaseInfo,
} from '../core/export/open-data-docs.ts';
import type { Framework, FrameworkSummary } from '../core/framework/types.ts';
import { validOn } from '../core/trends/answer-changes.ts';
import type { ServiceContext } from './context.ts';
import { getFramework, listFrameworks } from './framework.ts';
import { listVisibleJurisdictions } from './jurisdictions.ts';
import { loadCountedRecords, scoreRecordsOn } from './scores.ts';

/** The files of a release, in the order they are listed (SHA256SUMS last: it covers the others). */
export const releaseFileNames = [
  'answers.csv',
  'codebook.md',
  'dataset.json',
  'CHANGELOG.md',
  'LICENSE.txt',
  'SHA256SUMS',
] as const;

/** A file name of a release. */
export type ReleaseFileName = (typeof releaseFileNames)[number];

/** One file of a release. */
export interface ReleaseFile {
  name: ReleaseFileName;
  contentType: string;
  text: string;
  bytes: number;
  sha256: string;
}

/** A validated release of one framework version on one date. */
export interface OpenDataRelease {
  info: ReleaseInfo;
  citation: string;
  counts: { jurisdictions: number; rows: number };
  files: ReleaseFile[];
}

/** What a release is made with besides the database. */
export interface ReleaseArgs {
  version: number;
  /** The date scored (YYYY-MM-DD). */
  date: string;
  license: DataLicenseId;
  /** The public base URL, without a trailing slash. */
  baseUrl: string;
  publisher: string;
}

const contentTypes: Record<ReleaseFileName, string> = {
  'answers.csv': 'text/csv; charset=utf-8',
  'codebook.md': 'text/markdown; charset=utf-8',
  'dataset.json': 'application/json; charset=utf-8',
  'CHANGELOG.md': 'text/markdown; charset=utf-8',
  'LICENSE.txt': 'text/plain; charset=utf-8',
  SHA256SUMS: 'text/plain; charset=utf-8',
};

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

function file(name: ReleaseFileName, text: string): ReleaseFile {
  return {
    name,
    contentType: contentTypes[name],
    text,
    bytes: Buffer.byteLength(text),
    sha256: sha256(text),
  };
}

/** The framework versions with a release, newest first. */
export function listReleaseVersions(ctx: Pick<ServiceContext, 'db'>): Promise<FrameworkSummary[]> {
  return listFrameworks(ctx);
}

/**
 * Builds and validates the release of a framework version on a date from published data only; throws
 * FRAMEWORK_NOT_FOUND for an unknown version and EXPORT_INVALID when a file fails validation.
 */
export async function buildRelease(
  ctx: Pick<ServiceContext, 'db'>,
  args: ReleaseArgs,
): Promise<OpenDataRelease> {
  const pub: ServiceContext = { db: ctx.db, actor: publicActor };
  const { framework, answers, findings } = await loadCountedRecords(pub, {
    include: 'published',
    frameworkVersion: args.version,
  });
  const jurisdictions = new Map((await listVisibleJurisdictions(pub)).map((j) => [j.id, j] as const));
  const published = answers.filter((a) => jurisdictions.has(a.jurisdictionId));
  const grouped = new Map<string, { answers: CodedAnswer[]; findings: CodedModifierFinding[] }>();
  const entry = (id: string) => {
    const found = grouped.get(id) ?? { answers: [], findings: [] };
    grouped.set(id, found);
    return found;
  };
  for (const a of published) entry(a.jurisdictionId).answers.push(a);
  for (const f of findings) if (jurisdictions.has(f.jurisdictionId)) entry(f.jurisdictionId).findings.push(f);
  const scores: OpenScore[] = [];
  for (const [id, records] of grouped) {
    const jurisdiction = jurisdictions.get(id);
    if (!jurisdiction) continue;
    const dated = scoreRecordsOn(framework, jurisdiction, records, args.date);
    if (dated.status !== 'scored') continue;
    scores.push({
      jurisdiction,
      result: dated.result,
      answers: records.answers.filter((a) => validOn(a, args.date)),
    });
  }
  scores.sort((a, b) => (a.jurisdiction.id < b.jurisdiction.id ? -1 : 1));
  let publishedOn: string | null = null;
  for (const r of [...published, ...findings]) {
    const day = r.updatedAt.slice(0, 10);
    if (jurisdictions.has(r.jurisdictionId) && (publishedOn === null || day > publishedOn)) publishedOn = day;
  }
  const info: ReleaseInfo = {
    framework: {
      id: framework.id,
      version: framework.version,
      title: framework.title,
      published: framework.published,
    },
    asOf: args.date,
    publishedOn,
    license: args.license,
    url: `${args.baseUrl}/data/${framework.version}/`,
  };
  const citation = citationText(info, args.publisher);
  const rows = openAnswerRows(framework, args.date, scores);
  const license = dataLicenses[args.license];
  const dataset = {
    format: openAnswersFormat,
    framework: { id: framework.id, version: framework.version, title: framework.title.en },
    asOf: args.date,
    publishedOn,
    license: { id: args.license, name: license.name, url: license.url },
    citation,
    scores: scores.map(({ jurisdiction, result }) => ({
      jurisdictionId: jurisdiction.id,
      name: jurisdiction.name.en,
      total: result.totalRounded,
      grade: result.grade,
      cappedGrade: result.cappedGrade,
      capReasons: result.capReasons,
      coverage: result.coverage,
    })),
    answers: datasetRows(framework, published),
  };
  const changelog: ChangelogEntry[] = published.map((a) => ({
    publishedOn: a.updatedAt.slice(0, 10),
    jurisdictionId: a.jurisdictionId,
    indicatorId: a.indicatorId,
    value: a.value,
  }));
  const files = [
    file('answers.csv', openAnswersCsv(rows)),
    file('codebook.md', openCodebookMarkdown(framework, info)),
    file('dataset.json', `${JSON.stringify(dataset, null, 2)}\n`),
    file(
      'CHANGELOG.md',
      openChangelogMarkdown(info, await previousFramework(pub, framework), framework, changelog),
    ),
    file('LICENSE.txt', licenseText(info, args.publisher)),
  ];
  files.push(file('SHA256SUMS', files.map((f) => `${f.sha256}  ${f.name}\n`).join('')));
  const release: OpenDataRelease = {
    info,
    citation,
    counts: { jurisdictions: scores.length, rows: rows.length },
    files,
  };
  validateRelease(
    release,
    new Map(
      scores.flatMap((s) =>
        s.result.totalRounded === null ? [] : [[s.jurisdiction.id, s.result.totalRounded] as const],
      ),
    ),
  );
  return release;
}

async function previousFramework(ctx: ServiceContext, current: Framework): Promise<Framework | null> {
  const older = (await listFrameworks(ctx)).map((f) => f.version).filter((v) => v < current.version);
  return older.length ? getFramework(ctx, Math.max(...older)) : null;
}

/**
 * Checks a release before it is served: every file present and non-empty, the CSV header, every column in
 * the codebook, each jurisdiction's total recomputed from the CSV (both ways) equal to `expected` (the
 * jurisdictions with a total), dataset.json parsing with the same totals, and SHA256SUMS matching a fresh hash of each file. Throws EXPORT_INVALID naming
 * the file.
 */
export function validateRelease(release: OpenDataRelease, expected: ReadonlyMap<string, number>): void {
  function fail(name: string, why: string): never {
    throw new DomainError('EXPORT_INVALID', `open data ${name} failed validation: ${why}`, { file: name });
  }
  const byName = new Map(release.files.map((f) => [f.name, f] as const));
  for (const name of releaseFileNames) {
    const f = byName.get(name);
    if (!f || f.text.length === 0) fail(name, 'missing or empty');
  }
  const text = (name: ReleaseFileName) => byName.get(name)?.text ?? '';
  let totals: ReturnType<typeof recomputeTotals>;
  try {
    totals = recomputeTotals(text('answers.csv'));
  } catch (err) {
    fail('answers.csv', (err as Error).message);
  }
  for (const [id, total] of expected) {
    const got = totals.get(id);
    if (!got) fail('answers.csv', `${id} cannot be recomputed`);
    // Σ points may differ from the published total in the last bit before rounding; the weights never do.
    if (got.fromWeights !== total || Math.abs(got.fromPoints - total) > 0.1 + 1e-9) {
      fail(
        'answers.csv',
        `${id} recomputes to ${got.fromWeights} (Σ points ${got.fromPoints}), published ${total}`,
      );
    }
  }
  if (totals.size !== expected.size) fail('answers.csv', 'holds a jurisdiction without a published score');
  for (const column of openAnswerHeader) {
    if (!text('codebook.md').includes(`\`${column}\``)) fail('codebook.md', `does not describe ${column}`);
  }
  try {
    const parsed = JSON.parse(text('dataset.json')) as {
      scores?: Array<{ jurisdictionId: string; total: number | null }>;
    };
    const totalsInJson = new Map((parsed.scores ?? []).map((s) => [s.jurisdictionId, s.total] as const));
    for (const [id, total] of expected) {
      if (totalsInJson.get(id) !== total) fail('dataset.json', `${id} total differs`);
    }
  } catch (err) {
    if (err instanceof DomainError) throw err;
    fail('dataset.json', (err as Error).message);
  }
  const sums = text('SHA256SUMS').trimEnd().split('\n');
  const listed = releaseFileNames.filter((n) => n !== 'SHA256SUMS');
  if (sums.length !== listed.length) fail('SHA256SUMS', 'does not list every file');
  for (const [i, name] of listed.entries()) {
    if (sums[i] !== `${sha256(text(name))}  ${name}`)
      fail('SHA256SUMS', `checksum of ${name} does not match`);
  }
}
