/** The API calls of the help-resources page, merged into the workspace's API. */
import type { HelpResource } from '../../core/help-resources/help-resources.ts';
import type { HttpClient } from './client.ts';

export type { HelpResource };

/** What the add form sends. */
export interface HelpResourceBody {
  jurisdictionId: string;
  kind: string;
  name: string;
  phone?: string;
  url?: string;
  languages: string[];
  hours?: string;
  lastVerified: string;
  published: boolean;
}

/** The help-resource endpoints. */
export function helpResourceEndpoints(http: HttpClient) {
  const enc = encodeURIComponent;
  return {
    helpResources: () => http.request<HelpResource[]>('GET', '/api/v1/help-resources'),
    addHelpResource: (body: HelpResourceBody) =>
      http.request<HelpResource>('POST', '/api/v1/help-resources', body),
    setHelpResourcePublished: (id: string, published: boolean) =>
      http.request<HelpResource>('PATCH', `/api/v1/help-resources/${enc(id)}`, { published }),
    verifyHelpResource: (id: string) =>
      http.request<HelpResource>('POST', `/api/v1/help-resources/${enc(id)}/verify`, {}),
  };
}
