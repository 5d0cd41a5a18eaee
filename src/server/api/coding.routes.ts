/** Coded answers and scores: published answers and scores are public; writing needs `coding:write` and up. */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  answerCreateBody,
  answerHistoryEntry,
  answerImportBody,
  answerImportBodyLimit,
  answerImportResult,
  answerListQuery,
  answerParams,
  answerPatchBody,
  answerStatusBody,
  codedAnswer,
  scoreParams,
  scoreQuery,
  scoreReport,
} from '../../contracts/coding.ts';
import { type Actor, publicActor } from '../../core/auth/permissions.ts';
import {
  createAnswer,
  getAnswerHistory,
  listVisibleAnswers,
  setAnswerStatus,
  updateAnswer,
} from '../../services/coding.ts';
import { importCodingCsv } from '../../services/coding-import.ts';
import type { ServiceContext } from '../../services/context.ts';
import { scoreAsOf, today } from '../../services/scores.ts';
import type { AppDeps } from '../deps.ts';
import { defineRoute } from '../routing.ts';
import { serviceCtx } from './service-ctx.ts';

/** Registers /api/v1/answers and /api/v1/scores. */
export function registerCodingRoutes(app: FastifyInstance, deps: AppDeps): void {
  const tags = ['coding'];
  const anyone = (actor: Actor | null): ServiceContext => ({
    db: deps.store.db,
    actor: actor ?? publicActor,
  });

  defineRoute(app, deps, {
    method: 'GET',
    url: '/api/v1/answers',
    summary: 'Coded answers by jurisdiction, indicator, status and date (unpublished ones need org:read)',
    tags,
    access: 'public',
    query: answerListQuery,
    response: z.array(codedAnswer),
    handler: async ({ actor, query }) =>
      listVisibleAnswers(anyone(actor), {
        ...(query.jurisdiction ? { jurisdictionId: query.jurisdiction } : {}),
        ...(query.indicator ? { indicatorId: query.indicator } : {}),
        ...(query.status ? { status: query.status } : {}),
        ...(query.asOf ? { asOf: query.asOf } : {}),
      }),
  });

  defineRoute(app, deps, {
    method: 'POST',
    url: '/api/v1/answers',
    summary: 'Code an answer: a value, citations with verbatim quotes, a validity interval',
    tags,
    access: 'coding:write',
    body: answerCreateBody,
    response: codedAnswer,
    status: 201,
    handler: async ({ actor, body }) => {
      const { validTo, cautionNote, ...rest } = body;
      return createAnswer(serviceCtx(deps, actor), {
        ...rest,
        ...(validTo !== undefined ? { validTo } : {}),
        ...(cautionNote !== undefined ? { cautionNote } : {}),
      });
    },
  });

  defineRoute(app, deps, {
    method: 'PATCH',
    url: '/api/v1/answers/:id',
    summary: 'Change an answer’s value, citations, note or interval (a reviewed answer goes back to coded)',
    tags,
    access: 'coding:write',
    params: answerParams,
    body: answerPatchBody,
    response: codedAnswer,
    handler: async ({ actor, params, body }) => {
      const patch = Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined));
      return updateAnswer(serviceCtx(deps, actor), params.id, patch);
    },
  });

  defineRoute(app, deps, {
    method: 'POST',
    url: '/api/v1/answers/:id/status',
    summary: 'Confirm, review, publish, send back or withdraw an answer (each move needs its own permission)',
    tags,
    access: 'coding:write',
    params: answerParams,
    body: answerStatusBody,
    response: codedAnswer,
    handler: async ({ actor, params, body }) =>
      setAnswerStatus(serviceCtx(deps, actor), params.id, body.status),
  });

  defineRoute(app, deps, {
    method: 'GET',
    url: '/api/v1/answers/:id/history',
    summary: 'Every change to an answer, oldest first: who, when, before and after',
    tags,
    access: 'org:read',
    params: answerParams,
    response: z.array(answerHistoryEntry),
    handler: async ({ actor, params }) => getAnswerHistory(serviceCtx(deps, actor), params.id),
  });

  defineRoute(app, deps, {
    method: 'POST',
    url: '/api/v1/answers/import',
    summary: 'Import a coding spreadsheet (CSV); all or nothing, with every row’s problems',
    tags,
    access: 'coding:write',
    body: answerImportBody,
    response: answerImportResult,
    bodyLimit: answerImportBodyLimit,
    handler: async ({ actor, body }) => importCodingCsv(serviceCtx(deps, actor), body.csv),
  });

  defineRoute(app, deps, {
    method: 'GET',
    url: '/api/v1/scores/:jurisdiction',
    summary: 'A jurisdiction’s score on a date from its stored answers (not_coded when nothing is coded)',
    tags,
    access: 'public',
    params: scoreParams,
    query: scoreQuery,
    response: scoreReport,
    handler: async ({ actor, params, query }) =>
      scoreAsOf(anyone(actor), params.jurisdiction, query.asOf ?? today(), { include: query.include }),
  });
}
