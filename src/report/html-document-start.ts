/** The opening of every self-contained HTML report: charset, viewport, the page's strict CSP, no referrer, title and inline CSS. */
import { escapeXml as h } from './escape-xml.js';

export function htmlDocumentStart(title: string, contentSecurityPolicy: string, css: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy}">
<meta name="referrer" content="no-referrer">
<title>${h(title)}</title>
<style>${css}</style>
</head>
<body>`;
}
