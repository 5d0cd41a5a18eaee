/** The API call of the compare page's practice panel, merged into the workspace's API. */
import type { z } from 'zod';
import type { practiceView } from '../../contracts/practice.ts';
import type { HttpClient } from './client.ts';

/** Published figures beside a jurisdiction's indicators (practice, never part of the law score). */
export type PracticeView = z.output<typeof practiceView>;

/** The practice endpoint. */
export function practiceEndpoints(http: HttpClient) {
  return {
    practice: (jurisdiction: string, indicator: string) =>
      http.request<PracticeView>(
        'GET',
        `/api/v1/public/practice?${new URLSearchParams({ jurisdiction, indicator }).toString()}`,
      ),
  };
}
