/** The API calls of the recoding pages, merged into the workspace's API. */
import type { z } from 'zod';
import type {
  recodingApplyBody,
  recodingApplyResult,
  recodingTask,
  recodingTaskDetail,
  recodingTaskListing,
} from '../../contracts/recoding.ts';
import type { HttpClient } from './client.ts';

export type RecodingTask = z.infer<typeof recodingTask>;
export type RecodingTaskListing = z.infer<typeof recodingTaskListing>;
export type RecodingTaskDetail = z.infer<typeof recodingTaskDetail>;
export type RecodingApplyBody = z.input<typeof recodingApplyBody>;
export type RecodingApplyResult = z.infer<typeof recodingApplyResult>;

const enc = encodeURIComponent;

/** The recoding calls bound to a client. */
export function recodingEndpoints(http: HttpClient) {
  return {
    recodingTasks: (status?: string) =>
      http.request<RecodingTaskListing[]>(
        'GET',
        `/api/v1/recoding-tasks${status ? `?status=${enc(status)}` : ''}`,
      ),
    recodingTask: (id: string) =>
      http.request<RecodingTaskDetail>('GET', `/api/v1/recoding-tasks/${enc(id)}`),
    applyRecoding: (id: string, body: RecodingApplyBody) =>
      http.request<RecodingApplyResult>('POST', `/api/v1/recoding-tasks/${enc(id)}/apply`, body),
    dismissRecoding: (id: string, reason: string) =>
      http.request<RecodingTask>('POST', `/api/v1/recoding-tasks/${enc(id)}/dismiss`, { reason }),
  };
}
