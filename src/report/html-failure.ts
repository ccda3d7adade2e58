/** The HTML of one failure: expected vs actual, counterexample, exchanges and the reproduction. */
import type { Failure } from '../checks/failure.js';
import type { Exchange } from '../http/exchange.js';
import { escapeXml as h } from './escape-xml.js';
import { exchangeLine } from './exchange-text.js';
import { formatDuration } from './format-duration.js';
import { jsonText, prettyBody } from './json-text.js';
import { truncateText } from './truncate-text.js';

/** Longest body rendered, in characters; summary.json has every recorded byte. */
const maxBodyChars = 100_000;

function headersTable(headers: Readonly<Record<string, string>>): string {
  const rows = Object.entries(headers).map(([name, value]) => `<tr><th>${h(name)}</th><td>${h(value)}</td></tr>`);
  return rows.length > 0 ? `<table class="headers">${rows.join('')}</table>` : '';
}

const pre = (text: string, id?: string): string => `<pre${id ? ` id="${id}"` : ''}>${h(truncateText(text, maxBodyChars))}</pre>`;

function exchangeHtml(exchange: Exchange, decisive: boolean): string {
  const { request, response, error } = exchange;
  const took = `${formatDuration(exchange.durationMs)}${exchange.attempt > 1 ? ` · attempt ${exchange.attempt}` : ''}`;
  const parts = [
    `<details class="exchange"${decisive ? ' open' : ''}>`,
    `<summary><span class="mono">${h(exchange.id)}</span> ${h(exchangeLine(exchange))} <span class="stats">${h(took)}</span>${decisive ? '<span class="tag">decisive</span>' : ''}</summary>`,
    '<div class="http request"><h5>Request</h5>',
    `<p class="mono">${h(request.method)} ${h(request.url)}</p>`,
    headersTable(request.headers),
  ];
  if (request.body !== undefined) {
    const pretty = prettyBody(request.body);
    parts.push(pre(pretty));
    if (pretty !== request.body) parts.push(`<details><summary>Exact bytes sent</summary>${pre(request.body)}</details>`);
  }
  parts.push('</div><div class="http response"><h5>Response</h5>');
  if (response) {
    parts.push(`<p class="mono">HTTP ${response.status}</p>`, headersTable(response.headers));
    if (response.body !== '') parts.push(pre(prettyBody(response.body)));
    if (response.bodyTruncated) parts.push('<p class="stats">Body cut at the recording limit.</p>');
  } else {
    parts.push(`<p>No response: <code>${h(error?.code ?? 'other')}</code> ${h(error?.message ?? '')}</p>`);
  }
  parts.push('</div>');
  if (exchange.canonicalString !== undefined) parts.push(`<details><summary>Canonical string signed</summary>${pre(exchange.canonicalString)}</details>`);
  parts.push('</details>');
  return parts.join('\n');
}

function reproduction(label: string, command: string, id: string): string {
  return [
    '<div class="repro"><div class="repro-head">',
    `<span>${h(label)}</span><button type="button" class="copy" data-copy="${id}" hidden>Copy</button>`,
    `</div>${pre(command, id)}</div>`,
  ].join('');
}

/**
 * An open `<details>` for one failure. `anchor` is a page-unique id prefix
 * (the failure id has a `#`, so it is not used as an id itself).
 */
export function failureHtml(failure: Failure, anchor: string): string {
  const parts = [
    `<details class="failure" open id="${anchor}">`,
    `<summary>${h(failure.message)} <span class="failure-id mono">${h(failure.id)}</span></summary>`,
    '<div class="versus">',
    `<div class="expected"><h4>Expected</h4><p>${h(failure.expected)}</p></div>`,
    `<div class="actual"><h4>Actual</h4><p>${h(failure.actual)}</p></div>`,
    '</div>',
  ];
  if (failure.seed !== undefined) {
    parts.push(`<p>Seed <code>${h(String(failure.seed))}</code>${failure.path !== undefined ? ` · path <code>${h(failure.path)}</code>` : ''}</p>`);
  }
  if (failure.counterexample !== undefined) parts.push('<h4>Counterexample</h4>', pre(jsonText(failure.counterexample)));
  if (failure.exchanges.length > 0) {
    parts.push(`<h4>Exchanges (${failure.exchanges.length})</h4>`);
    failure.exchanges.forEach((exchange, i) => parts.push(exchangeHtml(exchange, i === failure.exchanges.length - 1)));
  }
  parts.push('<h4>Reproduce</h4>');
  if (failure.curl !== undefined) parts.push(reproduction('curl, signed when the failure was recorded (once its timestamp leaves the window, use replay)', failure.curl, `${anchor}-curl`));
  parts.push(reproduction('Replay the counterexample, freshly signed', failure.replay, `${anchor}-replay`));
  parts.push('</details>');
  return parts.join('\n');
}
