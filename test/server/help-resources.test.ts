/**
 * Help resources through the API and the public rights page, on both engines: bad input (phone not E.164,
 * http: and javascript: URLs, language codes that are not ISO 639-1, a verified date in the future, an
 * unknown kind) is refused with a clear error naming each field and stores nothing; unpublished resources
 * never reach the public page; an organisation sees and changes only its own resources; the language filter
 * keeps only resources offered in that language; roles (org:read reads, campaigns:write writes).
 */
import type { LightMyRequestResponse } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  checkHelpResource,
  normalizeLanguage,
  normalizePhone,
} from '../../src/core/help-resources/help-resources.ts';
import { iceland } from '../coding-fixtures.ts';
import { describeEachEngine } from '../engines.ts';
import { countRows, expectError, okJson, useSignedInApp } from './helpers.ts';

const good = {
  jurisdictionId: iceland,
  kind: 'hotline',
  name: 'Línea de ayuda Examplia',
  phone: '+354 555 0100',
  url: 'https://help.example.org/es',
  languages: ['es', 'en'],
  hours: '24/7',
  description: 'Ayuda confidencial',
  lastVerified: '2026-01-10',
  published: true,
};

interface Problem {
  field: string;
  message: string;
}
const problems = (res: LightMyRequestResponse) =>
  ((res.json() as { error: { details?: { problems?: Problem[] } } }).error.details?.problems ?? []).map(
    (p) => p.field,
  );

describe('help resource checks (core)', () => {
  it('normalises good values and refuses bad ones, each named', () => {
    expect(normalizePhone('+34 (900) 123-456')).toBe('+34900123456');
    expect(normalizePhone('900 123 456')).toBeNull();
    expect(normalizePhone('+0123456789')).toBeNull();
    expect(normalizeLanguage('pt_br')).toBe('pt-BR');
    expect(normalizeLanguage('xx')).toBeNull();
    expect(normalizeLanguage('english')).toBeNull();
    const r = checkHelpResource(
      {
        ...good,
        phone: '12345',
        url: 'javascript:alert(1)',
        languages: ['es', 'zz'],
        lastVerified: '2099-01-01',
      },
      '2026-06-01',
    );
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.problems.map((p) => p.field)).toEqual(['phone', 'url', 'languages[1]', 'lastVerified']);
    const noContact = checkHelpResource({ ...good, phone: '', url: '' }, '2026-06-01');
    expect(noContact.ok).toBe(false);
    const badDate = checkHelpResource({ ...good, lastVerified: '2026-02-30' }, '2026-06-01');
    expect(badDate.ok ? [] : badDate.problems.map((p) => p.field)).toEqual(['lastVerified']);
  });
});

describeEachEngine('help resources API and rights page', (getStore) => {
  const api = useSignedInApp(getStore);
  let published: string;
  let hidden: string;

  beforeAll(async () => {
    published = okJson<{ id: string }>(
      await api.send('POST', '/api/v1/help-resources', 'campaigner', good),
      201,
    ).id;
    hidden = okJson<{ id: string }>(
      await api.send('POST', '/api/v1/help-resources', 'admin', {
        ...good,
        name: 'CANARY-unpublished-shelter',
        kind: 'shelter',
        languages: ['fr'],
        published: false,
      }),
      201,
    ).id;
    await api.send('POST', '/api/v1/help-resources', 'otherAdmin', {
      ...good,
      name: 'Legal aid in French only',
      kind: 'legal_aid',
      languages: ['fr'],
    });
  });

  it('refuses bad input with an error naming each field, storing nothing', async () => {
    const before = await countRows(getStore().db, 'help_resources');
    const cases: Array<[Record<string, unknown>, string[]]> = [
      [{ phone: '555-0100' }, ['phone']],
      [{ url: 'http://help.example.org' }, ['url']],
      [{ url: 'javascript:alert(1)' }, ['url']],
      [{ languages: ['es', 'spanish'] }, ['languages[1]']],
      [{ lastVerified: '2999-01-01' }, ['lastVerified']],
      [{ kind: 'church' }, ['kind']],
      [{ phone: 'x', url: 'ftp://a', languages: ['q1'] }, ['phone', 'url', 'languages[0]']],
    ];
    for (const [patch, fields] of cases) {
      const res = await api.send('POST', '/api/v1/help-resources', 'campaigner', { ...good, ...patch });
      expectError(res, 400, 'VALIDATION_FAILED');
      expect(problems(res), JSON.stringify(patch)).toEqual(fields);
      for (const f of fields) expect(res.json().error.message).toContain(`${f.replace(/\[\d+\]/, '')}`);
    }
    const future = await api.send('POST', '/api/v1/help-resources', 'campaigner', {
      ...good,
      lastVerified: '2999-01-01',
    });
    expect(future.json().error.message).toContain('cannot be in the future');
    expect(await countRows(getStore().db, 'help_resources')).toBe(before);
    // An edit with bad input changes nothing either.
    const patch = await api.send('PATCH', `/api/v1/help-resources/${published}`, 'campaigner', {
      url: 'http://x.org',
    });
    expectError(patch, 400, 'VALIDATION_FAILED');
    const list = okJson<Array<{ id: string; url: string }>>(
      await api.send('GET', '/api/v1/help-resources', 'viewer'),
    );
    expect(list.find((r) => r.id === published)?.url).toBe(good.url);
  });

  it('checks roles: viewers read, campaigners and admins write, analysts and outsiders cannot', async () => {
    expectError(await api.send('POST', '/api/v1/help-resources', 'viewer', good), 403, 'FORBIDDEN');
    expectError(await api.send('POST', '/api/v1/help-resources', 'analyst', good), 403, 'FORBIDDEN');
    expectError(await api.send('POST', '/api/v1/help-resources', null, good), 401, 'AUTH_REQUIRED');
    expectError(await api.send('GET', '/api/v1/help-resources', 'loner'), 403, 'FORBIDDEN');
    const own = okJson<Array<{ name: string }>>(await api.send('GET', '/api/v1/help-resources', 'viewer'));
    expect(own.map((r) => r.name).sort()).toEqual(['CANARY-unpublished-shelter', good.name]);
    const other = okJson<Array<{ name: string }>>(
      await api.send('GET', '/api/v1/help-resources', 'otherAdmin'),
    );
    expect(other.map((r) => r.name)).toEqual(['Legal aid in French only']);
    expectError(
      await api.send('PATCH', `/api/v1/help-resources/${published}`, 'otherAdmin', { name: 'taken over' }),
      404,
      'HELP_RESOURCE_NOT_FOUND',
    );
  });

  it('shows only published resources on the public page, with last-verified dates and a language filter', async () => {
    const page = await api.send('GET', `/jurisdictions/${iceland}/rights?lang=es`, null);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(good.name);
    expect(page.body).toContain('Legal aid in French only');
    expect(page.body).toContain('Verificado por última vez el 2026-01-10');
    expect(page.body).toContain('href="tel:+3545550100"');
    expect(page.body).not.toContain('CANARY-unpublished-shelter');
    const spanish = await api.send('GET', `/jurisdictions/${iceland}/rights?lang=es&lang_filter=es`, null);
    expect(spanish.body).toContain(good.name);
    expect(spanish.body).not.toContain('Legal aid in French only');
    const junk = await api.send('GET', `/jurisdictions/${iceland}/rights?lang_filter=%3Cx%3E`, null);
    expect(junk.statusCode).toBe(200);
    expect(junk.body).not.toContain('<x>');
    // Publishing the hidden one shows it on the next request (the cached page is dropped).
    okJson(await api.send('PATCH', `/api/v1/help-resources/${hidden}`, 'campaigner', { published: true }));
    const after = await api.send('GET', `/jurisdictions/${iceland}/rights?lang=es`, null);
    expect(after.body).toContain('CANARY-unpublished-shelter');
  });

  it('records a verification date, never in the future', async () => {
    const done = okJson<{ lastVerified: string }>(
      await api.send('POST', `/api/v1/help-resources/${published}/verify`, 'campaigner', {
        on: '2026-02-01',
      }),
    );
    expect(done.lastVerified).toBe('2026-02-01');
    const future = await api.send('POST', `/api/v1/help-resources/${published}/verify`, 'campaigner', {
      on: '2999-12-31',
    });
    expectError(future, 400, 'VALIDATION_FAILED');
    expect(problems(future)).toEqual(['lastVerified']);
  });
});
