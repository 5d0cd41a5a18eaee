/**
 * `lawgap districts import-boundaries FILE [--json]`, `lawgap districts import-postcodes FILE [--json]` and
 * `lawgap districts lookup --jurisdiction ID (--postcode P | --point LAT,LON | --district CHAMBER:NAME)
 * [--date D] [--json]`. A refused file lists every problem on stderr and exits 2 with nothing imported.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { DomainError, isDomainError } from '../../core/errors.ts';
import {
  type DistrictFileInput,
  type DistrictQuery,
  importBoundaries,
  importPostcodes,
  lawmakersFor,
  lookupDistricts,
} from '../../services/districts.ts';
import { withContext } from '../context.ts';
import { info, printJson, printTable } from '../output.ts';

function bad(message: string): never {
  throw new DomainError('VALIDATION_FAILED', message);
}

function readInput(file: string): DistrictFileInput {
  try {
    return { name: path.basename(file), content: fs.readFileSync(file, 'utf8') };
  } catch {
    return bad(`cannot read ${file}`);
  }
}

/** Lists every problem of a refused file on stderr before the one-line error. */
async function listingProblems<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    const problems = isDomainError(err, 'DISTRICT_FILE_INVALID')
      ? (err.details as { problems?: string[] } | undefined)?.problems
      : undefined;
    for (const p of problems ?? []) info(`  ${p}`);
    throw err;
  }
}

function pointOf(value: string): [number, number] {
  const m = /^\s*(-?\d+(?:\.\d+)?)\s*,\s*(-?\d+(?:\.\d+)?)\s*$/.exec(value);
  if (!m) bad(`--point must be LAT,LON in decimal degrees, got "${value}"`);
  return [Number(m[2]), Number(m[1])];
}

function choiceOf(value: string): { chamber: string; district: string } {
  const at = value.indexOf(':');
  if (at <= 0 || at === value.length - 1) bad(`--district must be CHAMBER:DISTRICT, got "${value}"`);
  return { chamber: value.slice(0, at), district: value.slice(at + 1) };
}

interface LookupOptions {
  jurisdiction: string;
  postcode?: string;
  point?: string;
  district?: string;
  date?: string;
  json?: boolean;
}

/** Registers the districts commands. */
export function districtCommands(program: Command): void {
  const districts = program
    .command('districts')
    .description('district boundaries and postcodes, for finding lawmakers without outside services');
  districts
    .command('import-boundaries')
    .description(
      'import a GeoJSON FeatureCollection of district boundaries with validity dates (all-or-nothing)',
    )
    .argument('<file>', 'a .geojson or .json file')
    .option('--json', 'print JSON only')
    .action(async (file: string, opts: { json?: boolean }) => {
      const input = readInput(file);
      const report = await listingProblems(() => withContext((ctx) => importBoundaries(ctx, input)));
      if (opts.json) return printJson(report);
      info(`${report.file}: ${report.boundaries} boundaries imported (import ${report.importId})`);
      printTable(
        report.plans.map((p) => ({ ...p })),
        ['jurisdictionId', 'chamber', 'validFrom', 'validTo', 'districts'],
      );
      for (const c of report.closed)
        info(`closed: the ${c.chamber} plan valid from ${c.validFrom} now ends on ${c.closedOn}`);
    });

  districts
    .command('import-postcodes')
    .description(
      'import a postcode,jurisdiction,chamber,district[,share] CSV (replaces each jurisdiction’s table)',
    )
    .argument('<file>', 'a .csv file')
    .option('--json', 'print JSON only')
    .action(async (file: string, opts: { json?: boolean }) => {
      const input = readInput(file);
      const report = await listingProblems(() => withContext((ctx) => importPostcodes(ctx, input)));
      if (opts.json) return printJson(report);
      info(
        `${report.file}: ${report.rows} rows, ${report.postcodes} postcodes (${report.ambiguous} in more than one district) for ${report.jurisdictions.join(', ')}`,
      );
    });

  districts
    .command('lookup')
    .description('the districts and sitting lawmakers for a postcode, a point or a district')
    .requiredOption('--jurisdiction <ocd-id>', 'OCD division id')
    .option('--postcode <postcode>', 'a postcode in the imported table')
    .option('--point <lat,lon>', 'a location in decimal degrees')
    .option('--district <chamber:district>', 'a chosen district, e.g. lower:12')
    .option('--date <yyyy-mm-dd>', 'whose boundaries and seats count (default: today)')
    .option('--json', 'print JSON only')
    .action(async (opts: LookupOptions) => {
      const query: DistrictQuery = {
        jurisdiction: opts.jurisdiction,
        ...(opts.date ? { date: opts.date } : {}),
        ...(opts.postcode !== undefined ? { postcode: opts.postcode } : {}),
        ...(opts.point !== undefined ? { point: pointOf(opts.point) } : {}),
        ...(opts.district !== undefined ? { districts: [choiceOf(opts.district)] } : {}),
      };
      const answer = await withContext(async (ctx) => {
        const result = await lookupDistricts(ctx, query);
        return { result, lawmakers: await lawmakersFor(ctx, result, opts.date) };
      });
      if (opts.json) return printJson(answer);
      const { result, lawmakers } = answer;
      if (result.kind === 'none') return info(`no districts: ${result.reason}`);
      if (result.kind === 'ask') {
        info(
          result.reason === 'boundary'
            ? 'near a district boundary: choose one of'
            : 'the postcode is in more than one district: choose one of',
        );
        printTable(
          result.candidates.map((c) => ({ ...c })),
          ['chamber', 'district', 'name', 'share'],
        );
      } else {
        info(`districts: ${result.districts.map((d) => `${d.chamber} ${d.district}`).join(', ')}`);
      }
      printTable(
        lawmakers.map((l) => ({ ...l })),
        ['chamber', 'district', 'name', 'party', 'personId'],
      );
    });
}
