/**
 * Open exports of the coded data. Policy: only published answers of the built-in jurisdictions are exported
 * (an organization's own jurisdictions stay private, whoever asks), under one framework version (latest by
 * default), with a codebook built from the framework, so an empty dataset still ships a complete codebook.
 * Files are written under temporary names in the target directory, read back and re-parsed (CSV rows counted,
 * JSON parsed) and only then renamed into place, manifest last; when anything fails every temporary file is
 * removed and no file of the export appears.
 */
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { parseCsv } from '../core/coding/csv.ts';
import { DomainError } from '../core/errors.ts';
import { buildCodebook, type Codebook, renderCodebookMarkdown } from '../core/export/codebook.ts';
import {
  type DatasetRow,
  datasetColumns,
  datasetCsv,
  datasetFormat,
  datasetRows,
} from '../core/export/dataset.ts';
import { protocolFileName, renderProtocolMarkdown } from '../core/export/protocol.ts';
import type { Framework } from '../core/framework/types.ts';
import { listAnswers } from '../store/coding.repo.ts';
import type { ServiceContext } from './context.ts';
import { getFramework } from './framework.ts';

/** The published dataset under a framework version, with the framework. */
export async function loadDataset(
  ctx: ServiceContext,
  frameworkVersion?: number,
): Promise<{ framework: Framework; rows: DatasetRow[] }> {
  const framework = await getFramework(ctx, frameworkVersion);
  const answers = await listAnswers(ctx.db, {
    organizationId: null,
    frameworkId: framework.id,
    statuses: ['published'],
  });
  return { framework, rows: datasetRows(framework, answers) };
}

/** The dataset as RFC 4180 CSV (header only when nothing is published); latest framework by default. */
export async function datasetCsvText(ctx: ServiceContext, frameworkVersion?: number): Promise<string> {
  return datasetCsv((await loadDataset(ctx, frameworkVersion)).rows);
}

/** The dataset as JSON: format, framework and rows. */
export async function datasetJson(
  ctx: ServiceContext,
  frameworkVersion?: number,
): Promise<{ format: string; framework: { id: string; version: number }; rows: DatasetRow[] }> {
  const { framework, rows } = await loadDataset(ctx, frameworkVersion);
  return { format: datasetFormat, framework: { id: framework.id, version: framework.version }, rows };
}

/** The codebook of the latest framework (or a given version), as data. */
export async function codebook(ctx: ServiceContext, frameworkVersion?: number): Promise<Codebook> {
  return buildCodebook(await getFramework(ctx, frameworkVersion));
}

/** The codebook of the latest framework (or a given version), as Markdown. */
export async function codebookMarkdown(ctx: ServiceContext, frameworkVersion?: number): Promise<string> {
  return renderCodebookMarkdown(await codebook(ctx, frameworkVersion));
}

/** The coding protocol of the latest framework (or a given version), as Markdown. */
export async function protocolMarkdown(ctx: ServiceContext, frameworkVersion?: number): Promise<string> {
  return renderProtocolMarkdown(await getFramework(ctx, frameworkVersion));
}

/** One file of an export, as listed in the manifest. */
export interface ExportFile {
  name: string;
  bytes: number;
  sha256: string;
}

/** The manifest written beside the files. */
export interface ExportManifest {
  format: typeof datasetFormat;
  generatedAt: string;
  framework: { id: string; version: number };
  counts: { rows: number; jurisdictions: number; indicators: number };
  files: ExportFile[];
}

/** Checks a written file's text; throws to stop the export. */
export type ExportValidator = (name: string, text: string, expectedRows: number) => void;

/** The default check: the CSV re-parses with the dataset's header, the right row count and width; JSON parses. */
export const validateExportFile: ExportValidator = (name, text, expectedRows) => {
  if (name.endsWith('.csv')) {
    const { records, problem } = parseCsv(text);
    if (problem) throw new Error(`${name}: ${problem}`);
    const [header, ...rows] = records;
    if (header?.cells.join(',') !== datasetColumns.join(',')) throw new Error(`${name}: header differs`);
    if (rows.length !== expectedRows)
      throw new Error(`${name}: ${rows.length} rows, expected ${expectedRows}`);
    if (rows.some((r) => r.cells.length !== datasetColumns.length)) throw new Error(`${name}: ragged row`);
  } else if (name.endsWith('.json')) {
    const parsed = JSON.parse(text) as { rows?: unknown[] };
    if (name.includes('dataset') && parsed.rows?.length !== expectedRows) {
      throw new Error(`${name}: row count differs`);
    }
  } else if (text.length === 0) {
    throw new Error(`${name}: empty`);
  } else if (name === protocolFileName && !text.includes(`\`${datasetFormat}\``)) {
    throw new Error(`${name}: does not name the dataset format`);
  }
};

/** What to export and where. */
export interface ExportArgs {
  dir: string;
  format: 'csv' | 'json';
  frameworkVersion?: number;
  /** Replaces the default check (tests use it to force a failure). */
  validate?: ExportValidator;
}

/**
 * Writes the dataset (CSV or JSON), the codebook (Markdown and JSON), the coding protocol (Markdown) and
 * `manifest.json` into `dir`, each
 * only after it was read back and validated; throws EXPORT_DIR_INVALID when the directory cannot be written
 * and EXPORT_INVALID when a file fails validation, leaving no file of the export behind.
 */
export async function writeExport(ctx: ServiceContext, args: ExportArgs): Promise<ExportManifest> {
  const { framework, rows } = await loadDataset(ctx, args.frameworkVersion);
  const book = buildCodebook(framework);
  const dataset =
    args.format === 'csv'
      ? datasetCsv(rows)
      : `${JSON.stringify({ format: datasetFormat, framework: { id: framework.id, version: framework.version }, rows }, null, 2)}\n`;
  const contents: Array<[string, string]> = [
    [`lawgap-dataset.${args.format}`, dataset],
    ['lawgap-codebook.md', renderCodebookMarkdown(book)],
    ['lawgap-codebook.json', `${JSON.stringify(book, null, 2)}\n`],
    [protocolFileName, renderProtocolMarkdown(framework)],
  ];
  try {
    await fs.mkdir(args.dir, { recursive: true });
  } catch (err) {
    throw new DomainError('EXPORT_DIR_INVALID', `cannot create ${args.dir}: ${(err as Error).message}`);
  }
  const validate = args.validate ?? validateExportFile;
  const suffix = `.${randomBytes(6).toString('hex')}.tmp`;
  const temps: Array<{ name: string; temp: string }> = [];
  const files: ExportFile[] = [];
  const stage = async (name: string, text: string, expectedRows: number) => {
    const temp = path.join(args.dir, `.${name}${suffix}`);
    temps.push({ name, temp });
    try {
      await fs.writeFile(temp, text, { encoding: 'utf8', flag: 'wx' });
    } catch (err) {
      throw new DomainError('EXPORT_DIR_INVALID', `cannot write in ${args.dir}: ${(err as Error).message}`);
    }
    const back = await fs.readFile(temp, 'utf8');
    try {
      validate(name, back, expectedRows);
    } catch (err) {
      if (err instanceof DomainError) throw err;
      throw new DomainError('EXPORT_INVALID', `export failed validation: ${(err as Error).message}`);
    }
    files.push({
      name,
      bytes: Buffer.byteLength(back),
      sha256: createHash('sha256').update(back).digest('hex'),
    });
  };
  try {
    for (const [name, text] of contents) await stage(name, text, rows.length);
    const manifest: ExportManifest = {
      format: datasetFormat,
      generatedAt: new Date().toISOString(),
      framework: { id: framework.id, version: framework.version },
      counts: {
        rows: rows.length,
        jurisdictions: new Set(rows.map((r) => r.jurisdictionId)).size,
        indicators: framework.indicators.length,
      },
      files: [...files],
    };
    await stage('manifest.json', `${JSON.stringify(manifest, null, 2)}\n`, rows.length);
    // Everything is validated: move the files into place, the manifest last.
    for (const { name, temp } of temps) await fs.rename(temp, path.join(args.dir, name));
    temps.length = 0;
    return manifest;
  } finally {
    for (const { temp } of temps) await fs.rm(temp, { force: true });
  }
}
