/** What the route registry keeps of each API route: for the OpenAPI document and the permission tests. */
import type { z } from 'zod';
import type { Permission } from '../core/auth/permissions.ts';

/** `public`: anyone; `authenticated`: any signed-in user or token; otherwise a permission. */
export type Access = 'public' | 'authenticated' | Permission;

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** What the registry keeps of a route, for OpenAPI and tests. */
export interface RouteRecord {
  method: Method;
  url: string;
  summary: string;
  tags: string[];
  access: Access;
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  response?: z.ZodType;
  status: number;
}
