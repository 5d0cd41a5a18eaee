/**
 * The letter as a document: the print view (A4-friendly, its stylesheet served from our origin) and the
 * self-contained HTML export (styles inside, logos as data: URIs, so the downloaded file stands alone). Pure:
 * the caller says where each logo comes from. Only approved signatories reach here (see `letterExport`).
 */
import type { Locale } from '../framework/types.ts';
import { t } from '../i18n/messages.ts';
import type { LetterExport, PublicSignatory } from './sign-on.ts';

/** Escapes text for HTML content and attribute values. */
export function escapeHtml(value: unknown): string {
  return String(value)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** The print stylesheet: A4 pages, serif text, signatories in columns, no page break inside a signatory. */
export const letterPrintCss = `
@page{size:A4;margin:20mm 18mm}
*{box-sizing:border-box}
body{margin:0 auto;max-width:180mm;padding:12mm 0;font:11pt/1.5 Georgia,'Times New Roman',serif;color:#000;background:#fff}
h1{font-size:18pt;margin:0 0 8mm}
h2{font-size:13pt;margin:10mm 0 4mm;border-top:1px solid #000;padding-top:4mm}
p{margin:0 0 4mm;white-space:pre-line}
ol.signatories{list-style:none;margin:0;padding:0;columns:2;column-gap:10mm}
ol.signatories li{break-inside:avoid;page-break-inside:avoid;display:flex;align-items:center;gap:3mm;margin:0 0 3mm}
ol.signatories img{max-width:22mm;max-height:12mm;object-fit:contain}
.site{font-size:9pt;color:#333;word-break:break-all}
.screen-only{font:14px/1.4 system-ui,sans-serif;margin-bottom:8mm}
@media print{.screen-only{display:none}a{color:#000;text-decoration:none}}
`;

/** How the document gets its styles and logos. */
export interface LetterDocumentOptions {
  /** A stylesheet link (print view) or the styles inlined in the file (export). */
  style: { href: string } | { inline: true };
  /** The image source of a signatory's logo (a URL on our origin, or a data: URI). */
  logoSrc(signatory: PublicSignatory): string | null;
  /** Extra HTML shown on screen above the letter, hidden in print (links back, the print hint). */
  screenNote?: string;
}

/** A complete HTML document of the letter and its approved signatories. */
export function letterDocument(locale: Locale, letter: LetterExport, options: LetterDocumentOptions): string {
  const items = letter.signatories
    .map((s) => {
      const src = s.hasLogo ? options.logoSrc(s) : null;
      const logo = src
        ? `<img src="${escapeHtml(src)}" alt="${escapeHtml(t(locale, 'signOn.logoAlt', { name: s.organizationName }))}">`
        : '';
      const site = s.website ? ` <span class="site">${escapeHtml(s.website)}</span>` : '';
      return `<li>${logo}<span><strong>${escapeHtml(s.organizationName)}</strong>${site}</span></li>`;
    })
    .join('\n');
  const style =
    'href' in options.style
      ? `<link rel="stylesheet" href="${escapeHtml(options.style.href)}">`
      : `<style>${letterPrintCss}</style>`;
  const list =
    letter.signatories.length > 0
      ? `<ol class="signatories">\n${items}\n</ol>`
      : `<p>${escapeHtml(t(locale, 'signOn.list.none'))}</p>`;
  return `<!doctype html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(letter.title)}</title>
${style}
</head>
<body>
<main>
${options.screenNote ? `<div class="screen-only">${options.screenNote}</div>` : ''}
<h1>${escapeHtml(letter.title)}</h1>
${letter.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n')}
<h2>${escapeHtml(t(locale, 'signOn.list.signatories', { count: letter.signatories.length }))}</h2>
${list}
</main>
</body>
</html>
`;
}
