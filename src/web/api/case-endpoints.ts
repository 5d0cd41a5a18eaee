/** The API calls of the case records page, merged into the workspace's API. */
import type { z } from 'zod';
import type { caseDataset, caseImport, caseRelease, casesPublishBody } from '../../contracts/cases.ts';
import type { ledgerRelease, privacyLedger } from '../../contracts/privacy.ts';
import type { HttpClient } from './client.ts';

export type CaseDataset = z.output<typeof caseDataset>;
export type CaseImport = z.output<typeof caseImport>;
export type CaseRelease = z.output<typeof caseRelease>;
export type CasesPublishBody = z.input<typeof casesPublishBody>;
export type PrivacyLedger = z.output<typeof privacyLedger>;
export type LedgerRelease = z.output<typeof ledgerRelease>;

/** What the import form sends: CSV text or an .xlsx workbook as base64. */
export interface CasesImportBody {
  dataset: string;
  csv?: string;
  xlsx?: string;
  jurisdiction?: string;
  fileName?: string;
}

/** The case records endpoints. */
export function caseEndpoints(http: HttpClient) {
  const enc = encodeURIComponent;
  return {
    caseDatasets: () => http.request<CaseDataset[]>('GET', '/api/v1/cases/datasets'),
    caseImports: () => http.request<CaseImport[]>('GET', '/api/v1/cases/imports'),
    importCases: (body: CasesImportBody) => http.request<CaseDataset>('POST', '/api/v1/cases/imports', body),
    caseReleases: () => http.request<CaseRelease[]>('GET', '/api/v1/cases/releases'),
    prepareCaseRelease: (datasetId: string, body: CasesPublishBody) =>
      http.request<CaseRelease>('POST', `/api/v1/cases/datasets/${enc(datasetId)}/releases`, body),
    publishCaseRelease: (id: string) =>
      http.request<CaseRelease>('POST', `/api/v1/cases/releases/${enc(id)}/publish`),
    privacyLedgers: () => http.request<PrivacyLedger[]>('GET', '/api/v1/privacy/ledgers'),
    ledgerReleases: (dataset: string, year: number) =>
      http.request<LedgerRelease[]>(
        'GET',
        `/api/v1/privacy/ledgers/releases?${new URLSearchParams({ dataset, year: String(year) }).toString()}`,
      ),
  };
}
