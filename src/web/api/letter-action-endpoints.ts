/** The API calls of letter and call actions (a campaign page section), merged into the workspace's API. */
import type { ActionCreateBody, LetterActionDto } from '../../contracts/letter-actions.ts';
import type { HttpClient } from './client.ts';

export type { LetterActionDto };

const enc = encodeURIComponent;

/** Typed calls for a campaign's letter and call actions. */
export function letterActionEndpoints(http: HttpClient) {
  return {
    campaignActions: (campaignId: string) =>
      http.request<LetterActionDto[]>('GET', `/api/v1/campaigns/${enc(campaignId)}/actions`),
    createAction: (campaignId: string, body: ActionCreateBody) =>
      http.request<LetterActionDto>('POST', `/api/v1/campaigns/${enc(campaignId)}/actions`, body),
    setActionStatus: (id: string, change: 'open' | 'close') =>
      http.request<LetterActionDto>('POST', `/api/v1/actions/${enc(id)}/${change}`),
  };
}
