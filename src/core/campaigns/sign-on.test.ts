import { describe, expect, it } from 'vitest';
import {
  canModerate,
  canMoveLetter,
  checkLogo,
  checkSignatureFields,
  letterExport,
  organizationKey,
  sniffLogoType,
} from './sign-on.ts';

const fields = {
  organizationName: ' Harbour  Shelter ',
  signerName: 'Ana',
  signerTitle: '',
  contactEmail: ' Ana@Harbour.Example ',
  website: '',
};

describe('sign-on rules', () => {
  it('trims and folds what an organisation submits, and names each bad field', () => {
    const ok = checkSignatureFields(fields);
    expect(ok.problems).toEqual([]);
    expect(ok.fields).toMatchObject({
      organizationName: 'Harbour Shelter',
      signerTitle: null,
      contactEmail: 'ana@harbour.example',
      website: null,
    });
    const bad = checkSignatureFields({
      organizationName: '',
      signerName: 'x'.repeat(201),
      signerTitle: '',
      contactEmail: 'nope',
      website: 'javascript:alert(1)',
    });
    expect(bad.problems.map((p) => p.field)).toEqual([
      'organizationName',
      'signerName',
      'contactEmail',
      'website',
    ]);
    expect(checkSignatureFields({ ...fields, website: 'ftp://x.example' }).problems[0]?.field).toBe(
      'website',
    );
    expect(checkSignatureFields({ ...fields, website: 'https://u:p@x.example' }).problems[0]?.field).toBe(
      'website',
    );
    expect(organizationKey('  HARBOUR   shelter ')).toBe(organizationKey('Harbour Shelter'));
  });

  it('recognises PNG and JPEG by their bytes only, and refuses SVG, GIF and oversize logos', () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]);
    expect(sniffLogoType(png)).toBe('image/png');
    expect(sniffLogoType(Buffer.from([0xff, 0xd8, 0xff, 0xe0]))).toBe('image/jpeg');
    expect(sniffLogoType(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeNull();
    expect(sniffLogoType(Buffer.from('GIF89a....'))).toBeNull();
    expect(checkLogo(Buffer.concat([png, Buffer.alloc(200 * 1024)]))).toMatchObject({
      problem: { field: 'logo', message: 'the logo is larger than 200 KB' },
    });
  });

  it('moves letters draft → open → closed → open and moderates pending or approved signatures only', () => {
    expect(canMoveLetter('draft', 'open')).toBe(true);
    expect(canMoveLetter('draft', 'closed')).toBe(false);
    expect(canMoveLetter('open', 'draft')).toBe(false);
    expect(canMoveLetter('closed', 'open')).toBe(true);
    expect(canModerate('pending', 'approved')).toBe(true);
    expect(canModerate('approved', 'rejected')).toBe(true);
    expect(canModerate('approved', 'approved')).toBe(false);
    expect(canModerate('rejected', 'approved')).toBe(false);
  });

  it('exports paragraphs and only approved signatories, by name', () => {
    const s = (id: string, name: string, status: 'approved' | 'pending') => ({
      id,
      organizationName: name,
      website: null,
      hasLogo: false,
      signedAt: '2027-01-01T00:00:00.000Z',
      status,
    });
    const out = letterExport({ title: 'T', body: 'One.\n\n\nTwo\nlines.' }, [
      s('1', 'zeta', 'approved'),
      s('2', 'Alpha', 'approved'),
      s('3', 'Pending', 'pending'),
    ]);
    expect(out.paragraphs).toEqual(['One.', 'Two\nlines.']);
    expect(out.signatories.map((x) => x.organizationName)).toEqual(['Alpha', 'zeta']);
  });
});
