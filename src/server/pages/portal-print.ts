/**
 * Print rules of the portal's pages (report card, rights page, methodology and the rest), appended to
 * /assets/portal.css so printing needs no other download. Policy: print what a reader would cite on paper —
 * black on white, no navigation, quick exit, forms or embed snippets; each citation followed by its link
 * target (a printed link cannot be followed); table rows, quotes and list items not split across pages, and
 * table headers repeated on each page. Rules that hide use !important because rights.css loads later.
 */
export const printCss = `@media print{
*{color:#000!important;background:transparent!important;box-shadow:none!important}
body{font:11pt/1.4 system-ui,sans-serif}
header.site,nav.portal,.skip,.quick-exit,form,section[aria-labelledby="embed-this"],.embed-link,a[href*="/report-error"]{display:none!important}
main{max-width:none;padding:0}
a{text-decoration:underline}
main a[href^="/app/laws/"]::after,main a[href^="/law/"]::after{content:" <" attr(href) ">";font-size:.85em;word-break:break-all}
.scroll{overflow:visible}
thead{display:table-header-group}tr,blockquote,li{break-inside:avoid}h2,h3{break-after:avoid}
svg.bar{outline:1px solid #000}svg.bar rect{fill:#000}svg.bar rect.track{fill:#fff}
.notice{border-left-color:#000}
}
`;
