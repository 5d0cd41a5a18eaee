import { describe, expect, it } from 'vitest';
import { nextPath } from '../routes/sign-in.tsx';
import { href, parseLocation } from './router.ts';

describe('the workspace router', () => {
  it('splits a URL path into the app path and query', () => {
    expect(parseLocation('/app')).toEqual({ path: '/', search: '' });
    expect(parseLocation('/app/')).toEqual({ path: '/', search: '' });
    expect(parseLocation('/app/framework/')).toEqual({ path: '/framework', search: '' });
    expect(parseLocation('/app/jurisdictions?parent=x')).toEqual({
      path: '/jurisdictions',
      search: '?parent=x',
    });
  });

  it('builds full URLs under /app', () => {
    expect(href('/framework')).toBe('/app/framework');
    expect(href('admin/members')).toBe('/app/admin/members');
  });

  it('only follows ?next= to paths inside the app', () => {
    expect(nextPath('?next=%2Fadmin%2Fmembers')).toBe('/admin/members');
    expect(nextPath('?next=%2F%2Fevil.example')).toBe('/');
    expect(nextPath('?next=https%3A%2F%2Fevil.example')).toBe('/');
    expect(nextPath('')).toBe('/');
  });
});
