import { describe, expect, it } from 'vitest';
import { logPath } from './log-path.ts';

describe('logPath', () => {
  it('drops the query string', () => {
    expect(logPath('/follow/confirm?token=secret123')).toBe('/follow/confirm');
  });

  it('redacts tokens carried in the path of capability links', () => {
    expect(logPath('/sign-on/AbC-123_xyz')).toBe('/sign-on/:token');
    expect(logPath('/sign-on/AbC-123_xyz?lang=fr')).toBe('/sign-on/:token');
    expect(logPath('/act/confirm/tok3n')).toBe('/act/confirm/:token');
    expect(logPath('/act/unsubscribe/tok3n/x')).toBe('/act/unsubscribe/:token/x');
    expect(logPath('/my-data/link/d.tok3n/erase')).toBe('/my-data/link/:token/erase');
  });

  it('keeps ordinary paths', () => {
    expect(logPath('/act/close-the-gap/sign')).toBe('/act/close-the-gap/sign');
    expect(logPath('/api/v1/campaigns/123')).toBe('/api/v1/campaigns/123');
  });
});
