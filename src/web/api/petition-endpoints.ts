/** The API calls of petitions (a campaign page section), merged into the workspace's API. */
import type { ModerationReportDto } from '../../contracts/petition-moderation.ts';
import type { PetitionCreateBody, PetitionDto } from '../../contracts/petitions.ts';
import type { HttpClient } from './client.ts';

export type { ModerationReportDto, PetitionDto };

const enc = encodeURIComponent;

/** Typed calls for a campaign's petitions. */
export function petitionEndpoints(http: HttpClient) {
  return {
    campaignPetitions: (campaignId: string) =>
      http.request<PetitionDto[]>('GET', `/api/v1/campaigns/${enc(campaignId)}/petitions`),
    createPetition: (campaignId: string, body: PetitionCreateBody) =>
      http.request<PetitionDto>('POST', `/api/v1/campaigns/${enc(campaignId)}/petitions`, body),
    setPetitionStatus: (id: string, action: 'open' | 'close') =>
      http.request<PetitionDto>('POST', `/api/v1/petitions/${enc(id)}/${action}`),
    petitionModeration: (id: string) =>
      http.request<ModerationReportDto>('GET', `/api/v1/petitions/${enc(id)}/moderation`),
    invalidatePetitionSignatures: (
      id: string,
      body: { kind: 'domain' | 'ip'; value: string; fromHour: string; toHour: string },
    ) =>
      http.request<{ id: string; affected: number }>(
        'POST',
        `/api/v1/petitions/${enc(id)}/moderation/invalidate`,
        body,
      ),
    restorePetitionSignatures: (id: string, invalidationId: string) =>
      http.request<{ id: string; affected: number }>(
        'POST',
        `/api/v1/petitions/${enc(id)}/moderation/restore`,
        {
          invalidationId,
        },
      ),
  };
}
