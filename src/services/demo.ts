/**
 * Demo content: `lawgap demo --corpus PATH` imports six real documents from the shared corpus folder (never
 * copied into the project), runs the analyzer on each and leaves its suggestions pending, so a newcomer sees a
 * populated workspace. Running it again changes nothing (imports and analyses are idempotent).
 *
 * Every fact recorded here is read from the files: each document's start date comes with the exact words of
 * the file that state it (checked against the file on every run, so a changed corpus stops the demo rather
 * than recording a date the file no longer supports). No treaty file states a date of entry into force, so
 * treaties are recorded from the adoption (or signature) date the file states; neither US Code file states the
 * date of its compilation, so both chapters are recorded from October 28, 2000, the date the 22 U.S.C. ch. 78
 * file names as the one its text counts from. The treaty files hold an English text followed by a Dutch
 * translation: only the English text is imported (from its English title to where the Dutch begins).
 *
 * Treaties belong to no country: they are filed under the international jurisdiction `ocd-division/country:xz`
 * that the treaty-parties migration adds (docs/treaties.md says why that id).
 */
import fs from 'node:fs';
import path from 'node:path';
import { DomainError } from '../core/errors.ts';
import type { LawDocumentType } from '../core/laws/types.ts';
import { internationalJurisdictionId } from '../core/treaties/types.ts';
import { type ImportLawFileResult, importLawFile } from './law-files.ts';
import type { LawContext } from './laws.ts';

/** One demo document: where it is, what it is, and the file's own words for its start date. */
export interface DemoDocument {
  file: string;
  jurisdictionId: string;
  type: LawDocumentType;
  citation: string;
  title: string;
  effectiveFrom: string;
  /** Words found verbatim in `dateFile` (default `file`) that state the start date. */
  dateEvidence: string;
  dateFile?: string;
  /** Why this date (when it is not an entry into force). */
  dateNote: string;
  /** The English text starts at the line starting with this, and ends before the line starting with `endBefore`. */
  startAt?: string;
  endBefore?: string;
}

const us = 'ocd-division/country:us';
const t22 = 'uslm/usc-t22-ch78-codexstanford-chunks.txt';

/** The six demo documents. */
export const demoDocuments: readonly DemoDocument[] = [
  {
    file: 'treaties/BWBV0001749-un-trafficking-in-persons-protocol-2000.md',
    jurisdictionId: internationalJurisdictionId,
    type: 'treaty',
    citation:
      'Protocol to Prevent, Suppress and Punish Trafficking in Persons, especially Women and Children',
    title:
      'Protocol to Prevent, Suppress and Punish trafficking in Persons, especially Women and Children, supplementing the United Nations Convention against Transnational Organized Crime',
    effectiveFrom: '2000-12-12',
    dateEvidence: 'open to all States for signature from 12 to 15 December 2000 in Palermo, Italy',
    dateNote:
      'the file states no date of entry into force; recorded from the first day it was open for signature',
    startAt: '####Protocol to Prevent',
    endBefore: '####Protocol inzake',
  },
  {
    file: 'treaties/BWBV0004138-coe-convention-action-against-trafficking-2005.md',
    jurisdictionId: internationalJurisdictionId,
    type: 'treaty',
    citation: 'Council of Europe Convention on Action against Trafficking in Human Beings',
    title: 'Council of Europe Convention on Action against Trafficking in Human Beings',
    effectiveFrom: '2005-05-16',
    dateEvidence: 'DONE at Warsaw, this 16<sup>th</sup> day of May 2005',
    dateNote: 'the file states no date of entry into force; recorded from the date it was done at Warsaw',
    startAt: '####Council of Europe Convention',
    endBefore: '####Verdrag van de Raad van Europa',
  },
  {
    file: 'treaties/BWBV0006218-ilo-c029-forced-labour-convention-1930.md',
    jurisdictionId: internationalJurisdictionId,
    type: 'treaty',
    citation: 'Forced Labour Convention, 1930',
    title: 'Convention concerning forced or compulsory labour (Forced Labour Convention, 1930)',
    effectiveFrom: '1930-06-28',
    dateEvidence: 'adopts, this twenty-eighth day of June of the year one thousand nine hundred and thirty',
    dateNote: 'the file states no date of entry into force; recorded from its adoption date',
    startAt: '####LEAGUE OF NATIONS.',
    endBefore: '####VOLKENBOND.',
  },
  {
    file: 'treaties/BWBV0006447-ilo-p029-protocol-2014-forced-labour.md',
    jurisdictionId: internationalJurisdictionId,
    type: 'treaty',
    citation: 'Protocol of 2014 to the Forced Labour Convention, 1930',
    title: 'Protocol of 2014 to the Forced Labour Convention, 1930',
    effectiveFrom: '2014-06-11',
    dateEvidence: 'adopts this eleventh day of June two thousand and fourteen',
    dateNote: 'the file states no date of entry into force; recorded from its adoption date',
    startAt: '####Protocol of 2014',
  },
  {
    file: 'uslm/usc-t18-ch77-codexstanford-chunks.txt',
    jurisdictionId: us,
    type: 'statute',
    citation: '18 U.S.C. ch. 77',
    title: 'CHAPTER 77— PEONAGE, SLAVERY, AND TRAFFICKING IN PERSONS',
    effectiveFrom: '2000-10-28',
    dateEvidence: 'Not later than 180 days after October 28, 2000',
    dateFile: t22,
    dateNote:
      'the file states no date; recorded from the date the companion 22 U.S.C. ch. 78 file counts from (the Trafficking Victims Protection Act of 2000 that § 1591 cites)',
  },
  {
    file: t22,
    jurisdictionId: us,
    type: 'statute',
    citation: '22 U.S.C. ch. 78',
    title: 'CHAPTER 78— TRAFFICKING VICTIMS PROTECTION',
    effectiveFrom: '2000-10-28',
    dateEvidence: 'Not later than 180 days after October 28, 2000',
    dateNote: 'the file states no compilation date; recorded from the date its text counts from',
  },
];

/** Lines the Dutch source database adds to each article ("comes into force at a date to be set"). */
const editorialLines = /^Treedt in werking op een nader te bepalen tijdstip\s*$/;

function readCorpusFile(corpus: string, file: string): string {
  const full = path.join(corpus, file);
  try {
    return fs.readFileSync(full, 'utf8');
  } catch {
    throw new DomainError(
      'VALIDATION_FAILED',
      `demo: cannot read ${full}; is --corpus the shared corpus folder?`,
      {
        file: full,
      },
    );
  }
}

/** The part of a demo file to import (its English text), checked against the file's markers and date words. */
export function demoText(corpus: string, doc: DemoDocument): string {
  const text = readCorpusFile(corpus, doc.file);
  const dateText = doc.dateFile ? readCorpusFile(corpus, doc.dateFile) : text;
  if (!dateText.includes(doc.dateEvidence)) {
    throw new DomainError(
      'VALIDATION_FAILED',
      `demo: ${doc.dateFile ?? doc.file} no longer says "${doc.dateEvidence}"; its start date cannot be recorded`,
    );
  }
  const lines = text.split(/\r?\n/);
  const start = doc.startAt ? lines.findIndex((l) => l.startsWith(doc.startAt as string)) : 0;
  const end = doc.endBefore ? lines.findIndex((l) => l.startsWith(doc.endBefore as string)) : lines.length;
  if (start < 0 || end < 0 || end <= start) {
    throw new DomainError('VALIDATION_FAILED', `demo: ${doc.file} does not have the expected English text`);
  }
  return lines
    .slice(start, end)
    .filter((l) => !editorialLines.test(l))
    .join('\n');
}

/** What the demo did for one document. */
export interface DemoStep {
  citation: string;
  jurisdictionId: string;
  result: ImportLawFileResult;
  dateNote: string;
}

/** Imports the six demo documents from the corpus folder and stores the analyzer's suggestions, unreviewed. */
export async function runDemo(ctx: LawContext, corpus: string): Promise<DemoStep[]> {
  if (!fs.existsSync(corpus) || !fs.statSync(corpus).isDirectory()) {
    throw new DomainError('VALIDATION_FAILED', `demo: ${corpus} is not a folder`, { corpus });
  }
  // Read and check every file before storing anything.
  const texts = demoDocuments.map((doc) => demoText(corpus, doc));
  const steps: DemoStep[] = [];
  for (const [i, doc] of demoDocuments.entries()) {
    const result = await importLawFile(ctx, {
      jurisdictionId: doc.jurisdictionId,
      fileName: path.basename(doc.file),
      bytes: new TextEncoder().encode(texts[i]),
      format: 'text',
      citation: doc.citation,
      title: doc.title,
      type: doc.type,
      language: 'en',
      effectiveFrom: doc.effectiveFrom,
      analyze: true,
    });
    steps.push({
      citation: doc.citation,
      jurisdictionId: doc.jurisdictionId,
      result,
      dateNote: doc.dateNote,
    });
  }
  return steps;
}
