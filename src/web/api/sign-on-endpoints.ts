/** The API calls of sign-on letters (a campaign page section), merged into the workspace's API. */
import type { HttpClient } from './client.ts';

export type LetterStatus = 'draft' | 'open' | 'closed';
export type SignatureStatus = 'pending' | 'approved' | 'rejected';

export interface SignOnLetter {
  id: string;
  campaignId: string;
  organizationId: string;
  title: string;
  body: string;
  status: LetterStatus;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
}

/** A letter with its invite link, which the server shows only in this answer. */
export interface LetterWithInvite {
  letter: SignOnLetter;
  inviteUrl: string;
}

export interface SignOnSignature {
  id: string;
  letterId: string;
  organizationName: string;
  signerName: string;
  signerTitle: string | null;
  contactEmail: string;
  website: string | null;
  hasLogo: boolean;
  status: SignatureStatus;
  moderatedBy: string | null;
  moderatedAt: string | null;
  createdAt: string;
}

const enc = encodeURIComponent;

/** Typed calls for letters, invite links and moderation. */
export function signOnEndpoints(http: HttpClient) {
  return {
    campaignLetters: (campaignId: string) =>
      http.request<SignOnLetter[]>('GET', `/api/v1/campaigns/${enc(campaignId)}/letters`),
    createLetter: (campaignId: string, body: { title: string; body: string; status?: 'draft' | 'open' }) =>
      http.request<LetterWithInvite>('POST', `/api/v1/campaigns/${enc(campaignId)}/letters`, body),
    updateLetter: (id: string, body: { title?: string; body?: string; status?: LetterStatus }) =>
      http.request<SignOnLetter>('PATCH', `/api/v1/letters/${enc(id)}`, body),
    rotateInvite: (id: string) => http.request<LetterWithInvite>('POST', `/api/v1/letters/${enc(id)}/invite`),
    letterSignatures: (id: string) =>
      http.request<SignOnSignature[]>('GET', `/api/v1/letters/${enc(id)}/signatures`),
    approveSignature: (id: string) =>
      http.request<SignOnSignature>('POST', `/api/v1/signatures/${enc(id)}/approve`),
    rejectSignature: (id: string) =>
      http.request<SignOnSignature>('POST', `/api/v1/signatures/${enc(id)}/reject`),
  };
}
