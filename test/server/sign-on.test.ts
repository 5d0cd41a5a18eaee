/**
 * Sign-on letters on every engine: writing a letter (owner or editor; another coalition 404), the invite link
 * (right token, open letter only; rotation voids the old one), signing through the public form without
 * JavaScript (multipart, with and without a logo; each bad input refused with its own message and nothing
 * stored), moderation by role, and what the public sees: approved signatories only, never a contact address,
 * in the API, the list page, the print view and the HTML export; contact addresses encrypted in the table.
 */
import { createHash } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { beforeAll, expect, it } from 'vitest';
import { tx } from '../bill-fixtures.ts';
import { describeEachEngine } from '../engines.ts';
import { countRows, expectError, okJson, useSignedInApp } from './helpers.ts';

interface LetterJson {
  id: string;
  status: string;
  title: string;
}
interface Invite {
  letter: LetterJson;
  inviteUrl: string;
}
interface SignatureJson {
  id: string;
  organizationName: string;
  contactEmail: string;
  status: string;
  moderatedBy: string | null;
  hasLogo: boolean;
}

/** A PNG header and some bytes: what the logo check reads. */
const png = (size = 300) => {
  const b = Buffer.alloc(size, 7);
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(b);
  return b;
};
const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
const gif = Buffer.concat([Buffer.from('GIF89a'), Buffer.alloc(100, 1)]);

/** A multipart/form-data body as a browser sends it, with an optional file. */
function multipart(fields: Record<string, string>, file?: { name: string; type: string; bytes: Buffer }) {
  const boundary = '----lawgapTestBoundary7MA4YWxkTrZu0gW';
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  }
  const f = file ?? { name: '', type: 'application/octet-stream', bytes: Buffer.alloc(0) };
  parts.push(
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="logo"; filename="${f.name}"\r\nContent-Type: ${f.type}\r\n\r\n`,
    ),
    f.bytes,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  );
  return { payload: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

const good = {
  organizationName: 'Harbour Shelter Network',
  signerName: 'Ana Ruiz',
  signerTitle: 'Director',
  contactEmail: 'ana.secret-contact@harbour.example',
  website: 'https://harbour.example',
};

describeEachEngine('sign-on letters', (getStore) => {
  const api = useSignedInApp(getStore);
  let campaignId: string;
  let letter: LetterJson;
  let token: string;
  let ip = 0;

  const sign = (tok: string, fields: Record<string, string>, file?: Parameters<typeof multipart>[1]) => {
    const body = multipart({ lang: 'en', fax: '', ...fields }, file);
    ip += 1;
    return api.app.inject({
      method: 'POST',
      url: `/sign-on/${tok}`,
      payload: body.payload,
      headers: { 'content-type': body.contentType },
      remoteAddress: `10.77.${Math.floor(ip / 250)}.${ip % 250}`,
    });
  };
  const page = (url: string) => api.app.inject({ method: 'GET', url });
  const signatures = async (who: 'campaigner' | 'viewer' = 'campaigner') =>
    okJson<SignatureJson[]>(await api.send('GET', `/api/v1/letters/${letter.id}/signatures`, who));

  beforeAll(async () => {
    const framework = (await api.send('GET', '/api/v1/framework', null)).json() as {
      indicators: Array<{ id: string }>;
    };
    const campaign = okJson<{ id: string }>(
      await api.send('POST', '/api/v1/campaigns', 'campaigner', {
        title: 'Close the consent gap',
        jurisdictionId: tx,
        gaps: [framework.indicators[0]!.id],
      }),
      201,
    );
    campaignId = campaign.id;
  });

  it('lets the owner write a letter, shows its invite link once and stores only the token’s hash', async () => {
    const url = `/api/v1/campaigns/${campaignId}/letters`;
    const body = { title: 'End impunity for forced labour', body: 'We, the undersigned,\n\nask for change.' };
    expectError(await api.send('POST', url, 'viewer', body), 403, 'FORBIDDEN');
    expectError(await api.send('POST', url, 'otherAdmin', body), 404, 'CAMPAIGN_NOT_FOUND');
    expectError(await api.send('POST', url, null, body), 401, 'AUTH_REQUIRED');
    const blank = await api.send('POST', url, 'campaigner', { title: '  ', body: 'x' });
    expect(blank.statusCode, blank.body).toBe(400);
    expect(blank.body).toContain('title');
    expect(await countRows(getStore().db, 'sign_on_letters')).toBe(0);
    const created = okJson<Invite>(await api.send('POST', url, 'campaigner', body), 201);
    expect(created.letter).toMatchObject({ status: 'draft', title: body.title });
    letter = created.letter;
    token = created.inviteUrl.split('/sign-on/')[1]!;
    expect(token.length).toBeGreaterThanOrEqual(40);
    const row = await getStore()
      .db.selectFrom('sign_on_letters')
      .selectAll()
      .where('id', '=', letter.id)
      .executeTakeFirstOrThrow();
    expect(row.invite_token_hash).toBe(createHash('sha256').update(token).digest('hex'));
    expect(JSON.stringify(row)).not.toContain(token);
    const listed = okJson<LetterJson[]>(await api.send('GET', url, 'viewer'));
    expect(listed.map((l) => l.id)).toEqual([letter.id]);
    expect(JSON.stringify(listed)).not.toContain(token);
  });

  it('opens the sign page only with the right token and only while the letter is open', async () => {
    expect((await page(`/sign-on/${token}`)).statusCode).toBe(404); // draft
    const opened = await api.send('PATCH', `/api/v1/letters/${letter.id}`, 'campaigner', { status: 'open' });
    expect(okJson<LetterJson>(opened).status).toBe('open');
    const form = await page(`/sign-on/${token}`);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('End impunity for forced labour');
    expect(form.body).toContain('enctype="multipart/form-data"');
    expect(form.headers['content-security-policy']).toContain("default-src 'self'");
    expect((await page(`/sign-on/${token.slice(0, -2)}xx`)).statusCode).toBe(404);
    expect((await page('/sign-on/short')).statusCode).toBe(404);
    expect((await sign(`${token.slice(0, -2)}xx`, good)).statusCode).toBe(404);
    // Rotating voids the old link.
    const rotated = okJson<Invite>(await api.send('POST', `/api/v1/letters/${letter.id}/invite`, 'admin'));
    const fresh = rotated.inviteUrl.split('/sign-on/')[1]!;
    expect((await page(`/sign-on/${token}`)).statusCode).toBe(404);
    expect((await page(`/sign-on/${fresh}`)).statusCode).toBe(200);
    token = fresh;
    expectError(
      await api.send('PATCH', `/api/v1/letters/${letter.id}`, 'campaigner', { status: 'draft' }),
      409,
      'LETTER_STATE_INVALID',
    );
  });

  it('takes a signature without and with a logo, pending moderation', async () => {
    const plain = await sign(token, good);
    expect(plain.statusCode, plain.body).toBe(200);
    expect(plain.body).toContain('pending moderation');
    const withLogo = await sign(
      token,
      { ...good, organizationName: 'Rights First', contactEmail: 'rf-contact@rights.example', website: '' },
      { name: 'logo.png', type: 'image/png', bytes: png() },
    );
    expect(withLogo.statusCode, withLogo.body).toBe(200);
    const third = await sign(token, {
      ...good,
      organizationName: 'Pending Forever Org',
      contactEmail: 'pending-contact@pf.example',
    });
    expect(third.statusCode, third.body).toBe(200);
    const all = await signatures();
    expect(all.map((s) => [s.organizationName, s.status, s.hasLogo])).toEqual([
      ['Harbour Shelter Network', 'pending', false],
      ['Rights First', 'pending', true],
      ['Pending Forever Org', 'pending', false],
    ]);
    expect(all[0]!.contactEmail).toBe(good.contactEmail);
  });

  it('refuses each bad input with its own message, keeps the values and stores nothing', async () => {
    const before = await countRows(getStore().db, 'sign_on_signatures');
    const cases: Array<[Record<string, string>, Parameters<typeof multipart>[1] | undefined, string]> = [
      [
        { ...good, organizationName: 'Org A', contactEmail: 'not-an-email' },
        undefined,
        'Enter a valid email',
      ],
      [
        { ...good, organizationName: 'Org B' },
        { name: 'logo.svg', type: 'image/svg+xml', bytes: svg },
        'must be a PNG or JPEG',
      ],
      [
        { ...good, organizationName: 'Org C' },
        { name: 'logo.png', type: 'image/png', bytes: gif },
        'must be a PNG or JPEG',
      ],
      [
        { ...good, organizationName: 'Org D' },
        { name: 'big.png', type: 'image/png', bytes: png(200 * 1024 + 1) },
        'larger than 200 KB',
      ],
      [
        { ...good, organizationName: 'Org E', website: 'javascript:alert(1)' },
        undefined,
        'http:// or https://',
      ],
      [
        { ...good, organizationName: 'Org F', website: 'ftp://files.example' },
        undefined,
        'http:// or https://',
      ],
      [{ ...good, organizationName: '  harbour   SHELTER network ' }, undefined, 'already signed'],
      [{ ...good, organizationName: '', signerName: '' }, undefined, 'Enter your name'],
    ];
    for (const [fields, file, message] of cases) {
      const res = await sign(token, fields, file);
      expect(res.statusCode, `${message}: ${res.body}`).toBe(400);
      expect(res.body).toContain(message);
      expect(res.body).toContain('role="alert"');
      if (fields.organizationName) expect(res.body).toContain(`value="${fields.organizationName}"`);
      expect(res.body).toContain(`value="${fields.signerName ?? ''}"`);
    }
    // A filled honeypot gets thanks and nothing is stored; a cross-site post is refused.
    const bot = await sign(token, { ...good, organizationName: 'Spam Co', fax: 'buy now' });
    expect(bot.statusCode).toBe(200);
    const body = multipart({ ...good, organizationName: 'Elsewhere' });
    const crossSite = await api.app.inject({
      method: 'POST',
      url: `/sign-on/${token}`,
      payload: body.payload,
      headers: { 'content-type': body.contentType, 'sec-fetch-site': 'cross-site' },
      remoteAddress: '10.78.0.1',
    });
    expect(crossSite.statusCode).toBe(403);
    expect(await countRows(getStore().db, 'sign_on_signatures')).toBe(before);
  });

  it('lets campaigners and admins moderate; not viewers; another coalition gets 404', async () => {
    const [harbour, rights, pending] = await signatures();
    const approve = (id: string) => `/api/v1/signatures/${id}/approve`;
    expectError(await api.send('POST', approve(harbour!.id), 'viewer'), 403, 'FORBIDDEN');
    expectError(await api.send('POST', approve(harbour!.id), 'otherAdmin'), 404, 'SIGNATURE_NOT_FOUND');
    expectError(await api.send('POST', approve(harbour!.id), null), 401, 'AUTH_REQUIRED');
    for (const [method, url] of [
      ['GET', `/api/v1/letters/${letter.id}`],
      ['GET', `/api/v1/letters/${letter.id}/signatures`],
      ['PATCH', `/api/v1/letters/${letter.id}`],
      ['POST', `/api/v1/letters/${letter.id}/invite`],
    ] as const) {
      const payload = method === 'PATCH' ? { title: 'Hijacked' } : undefined;
      expectError(await api.send(method, url, 'otherAdmin', payload), 404, 'LETTER_NOT_FOUND');
    }
    expectError(
      await api.send('GET', `/api/v1/campaigns/${campaignId}/letters`, 'otherAdmin'),
      404,
      'CAMPAIGN_NOT_FOUND',
    );
    const approved = okJson<SignatureJson>(await api.send('POST', approve(harbour!.id), 'campaigner'));
    expect(approved.status).toBe('approved');
    expect(approved.moderatedBy).toMatch(/^user:/);
    okJson(await api.send('POST', approve(rights!.id), 'admin'));
    const rejected = okJson<SignatureJson>(
      await api.send('POST', `/api/v1/signatures/${pending!.id}/reject`, 'admin'),
    );
    expect(rejected.status).toBe('rejected');
    expectError(await api.send('POST', approve(pending!.id), 'admin'), 409, 'SIGNATURE_STATE_INVALID');
    const audit = await getStore()
      .db.selectFrom('audit_events')
      .select(['action', 'details_json'])
      .where('action', 'like', 'signOn.%')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['signOn.approve', 'signOn.reject']));
    expect(JSON.stringify(audit)).not.toContain('contact@');
  });

  it('shows the public only approved signatories, never a contact address, and stores addresses encrypted', async () => {
    const pub = okJson<{ signatories: Array<{ organizationName: string; logoUrl: string | null }> }>(
      await api.send('GET', `/api/v1/public/letters/${letter.id}`, null),
    );
    expect(pub.signatories.map((s) => s.organizationName)).toEqual([
      'Harbour Shelter Network',
      'Rights First',
    ]);
    const listPage = await page(`/letters/${letter.id}`);
    const print = await page(`/letters/${letter.id}/print`);
    const exported = await page(`/letters/${letter.id}/export.html`);
    for (const res of [listPage, print, exported]) {
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain('Harbour Shelter Network');
      expect(res.body).toContain('Rights First');
      expect(res.body).not.toContain('Pending Forever Org');
    }
    for (const res of [pub, listPage.body, print.body, exported.body]) {
      const text = JSON.stringify(res);
      expect(text).not.toContain('contact@');
      expect(text).not.toContain('Ana Ruiz');
    }
    expect(print.body).toContain('<link rel="stylesheet" href="/assets/sign-on-print.css">');
    expect(print.body).not.toContain('<style>');
    expect(exported.headers['content-disposition']).toContain('attachment');
    expect(exported.body).toContain('data:image/png;base64,');
    const css = await page('/assets/sign-on-print.css');
    expect(css.headers['content-type']).toContain('text/css');
    expect(css.body).toContain('size:A4');
    // The logo comes from our origin with its sniffed type; a pending or rejected one is not served.
    const logo = await page(pub.signatories[1]!.logoUrl!);
    expect(logo.statusCode).toBe(200);
    expect(logo.headers['content-type']).toBe('image/png');
    expect(logo.headers['x-content-type-options']).toBe('nosniff');
    const [, , pendingOne] = await signatures();
    expect((await page(`/letters/${letter.id}/logos/${pendingOne!.id}`)).statusCode).toBe(404);
    const rows = await getStore().db.selectFrom('sign_on_signatures').selectAll().execute();
    for (const r of rows) {
      expect(r.email_ciphertext.startsWith('v1.')).toBe(true);
      expect(r.email_ciphertext).not.toContain('@');
    }
    expect(JSON.stringify(rows.map(({ logo: _, ...r }) => r))).not.toContain('contact@');
  });

  it('limits signing posts per client address', async () => {
    const post = () => {
      const body = multipart({ ...good, organizationName: 'Flood Org' });
      return api.app.inject({
        method: 'POST',
        url: '/sign-on/not-a-real-token-but-long-enough-000',
        payload: body.payload,
        headers: { 'content-type': body.contentType },
        remoteAddress: '10.99.0.1',
      });
    };
    const codes: number[] = [];
    for (let i = 0; i < 11; i++) codes.push((await post()).statusCode);
    expect(codes.slice(0, 10)).toEqual(Array(10).fill(404));
    expect(codes[10]).toBe(429);
  });

  it('hides drafts from the public, keeps a closed letter’s list, and refuses new signatures once closed', async () => {
    const draft = okJson<Invite>(
      await api.send('POST', `/api/v1/campaigns/${campaignId}/letters`, 'campaigner', {
        title: 'Draft only',
        body: 'Not yet.',
      }),
      201,
    );
    expectError(
      await api.send('GET', `/api/v1/public/letters/${draft.letter.id}`, null),
      404,
      'LETTER_NOT_FOUND',
    );
    expect((await page(`/letters/${draft.letter.id}`)).statusCode).toBe(404);
    expect((await page(`/letters/${draft.letter.id}/print`)).statusCode).toBe(404);
    okJson(await api.send('PATCH', `/api/v1/letters/${letter.id}`, 'campaigner', { status: 'closed' }));
    const closed: LightMyRequestResponse = await page(`/sign-on/${token}`);
    expect(closed.statusCode).toBe(410);
    expect((await sign(token, { ...good, organizationName: 'Late Org' })).statusCode).toBe(410);
    const list = await page(`/letters/${letter.id}`);
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain('closed to new signatures');
  });
});
