/** The API calls of the statistics page, merged into the workspace's API. */
import type {
  ExploitationForm,
  StatisticAgeGroup,
  StatisticFigure,
  StatisticImport,
  StatisticMeasure,
  StatisticSex,
  StatisticUnit,
} from '../../core/statistics/types.ts';
import type { HttpClient } from './client.ts';

export type {
  ExploitationForm,
  StatisticAgeGroup,
  StatisticFigure,
  StatisticImport,
  StatisticMeasure,
  StatisticSex,
  StatisticUnit,
};

/** What the import form sends. */
export interface StatisticsImportBody {
  csv: string;
  fileName?: string;
  source?: string;
  sourceDate?: string;
}

/** The statistics endpoints. */
export function statisticsEndpoints(http: HttpClient) {
  const enc = encodeURIComponent;
  return {
    statisticImports: () => http.request<StatisticImport[]>('GET', '/api/v1/statistics/imports'),
    statisticFigures: () => http.request<StatisticFigure[]>('GET', '/api/v1/statistics/figures'),
    importStatistics: (body: StatisticsImportBody) =>
      http.request<StatisticImport>('POST', '/api/v1/statistics/imports', body),
    publishStatisticImport: (id: string, published: boolean) =>
      http.request<StatisticImport>(
        'POST',
        `/api/v1/statistics/imports/${enc(id)}/${published ? 'publish' : 'unpublish'}`,
      ),
  };
}
