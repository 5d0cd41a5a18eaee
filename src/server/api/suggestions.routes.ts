/**
 * Law files of any format, analysis of a stored version, and review of analyzer suggestions. Importing needs
 * `laws:write` (and `coding:write` to analyze too); listing suggestions needs `org:read`; analyzing, accepting
 * and rejecting need `coding:write`. Every suggestion carries its label until a person has reviewed it.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { lawVersionParams } from '../../contracts/laws.ts';
import {
  acceptBody,
  analysisResult,
  lawFileBodyLimit,
  lawFileImportBody,
  lawFileImportResult,
  lawFileMaxBytes,
  rejectBody,
  reviewResult,
  suggestion,
  suggestionListQuery,
  suggestionParams,
} from '../../contracts/suggestions.ts';
import { DomainError } from '../../core/errors.ts';
import { importLawFile } from '../../services/law-files.ts';
import { acceptSuggestion, rejectSuggestion } from '../../services/suggestion-review.ts';
import { analyzeVersion, listSuggestions } from '../../services/suggestions.ts';
import type { AppDeps } from '../deps.ts';
import { defineRoute } from '../routing.ts';
import { serviceCtx } from './service-ctx.ts';

/** Registers /api/v1/laws/import-file, /api/v1/laws/:id/versions/:versionId/analyze and /api/v1/suggestions. */
export function registerSuggestionRoutes(app: FastifyInstance, deps: AppDeps): void {
  defineRoute(app, deps, {
    method: 'POST',
    url: '/api/v1/laws/import-file',
    summary:
      'Import a document version from a file of any format (base64), optionally with analyzer suggestions',
    tags: ['laws'],
    access: 'laws:write',
    body: lawFileImportBody,
    response: lawFileImportResult,
    bodyLimit: lawFileBodyLimit,
    handler: async ({ actor, body }) => {
      const { contentBase64, fileName, ...rest } = body;
      const bytes = new Uint8Array(Buffer.from(contentBase64, 'base64'));
      if (bytes.length > lawFileMaxBytes) {
        throw new DomainError('LAW_INVALID', `${fileName} is larger than ${lawFileMaxBytes} bytes`, {
          field: 'contentBase64',
        });
      }
      return importLawFile(
        { ...serviceCtx(deps, actor), dialect: deps.store.dialect },
        { ...rest, fileName, bytes },
      );
    },
  });

  defineRoute(app, deps, {
    method: 'POST',
    url: '/api/v1/laws/:id/versions/:versionId/analyze',
    summary: 'Run the analyzer on a stored version and store one suggestion per indicator, unreviewed',
    tags: ['suggestions'],
    access: 'coding:write',
    params: lawVersionParams,
    response: analysisResult,
    handler: async ({ actor, params }) =>
      analyzeVersion(serviceCtx(deps, actor), { documentId: params.id, versionId: params.versionId }),
  });

  defineRoute(app, deps, {
    method: 'GET',
    url: '/api/v1/suggestions',
    summary:
      'Analyzer suggestions of a jurisdiction (machine-suggested, not reviewed until a person confirms)',
    tags: ['suggestions'],
    access: 'org:read',
    query: suggestionListQuery,
    response: z.array(suggestion),
    handler: async ({ actor, query }) =>
      listSuggestions(serviceCtx(deps, actor), {
        ...(query.jurisdiction ? { jurisdictionId: query.jurisdiction } : {}),
        ...(query.version ? { versionId: query.version } : {}),
        ...(query.status ? { reviewStatus: query.status } : {}),
      }),
  });

  defineRoute(app, deps, {
    method: 'POST',
    url: '/api/v1/suggestions/:id/accept',
    summary: 'Accept a suggestion, as suggested or edited: creates a coded answer that records the analyzer',
    tags: ['suggestions'],
    access: 'coding:write',
    params: suggestionParams,
    body: acceptBody,
    response: reviewResult,
    handler: async ({ actor, params, body }) =>
      acceptSuggestion(serviceCtx(deps, actor), params.id, {
        ...(body.value !== undefined ? { value: body.value } : {}),
        ...(body.citations !== undefined ? { citations: body.citations } : {}),
        ...(body.cautionNote !== undefined ? { cautionNote: body.cautionNote } : {}),
      }),
  });

  defineRoute(app, deps, {
    method: 'POST',
    url: '/api/v1/suggestions/:id/reject',
    summary: 'Reject a suggestion with an optional reason; no answer is created',
    tags: ['suggestions'],
    access: 'coding:write',
    params: suggestionParams,
    body: rejectBody,
    response: reviewResult,
    handler: async ({ actor, params, body }) =>
      rejectSuggestion(serviceCtx(deps, actor), params.id, body.reason ?? null),
  });
}
