/** CSS the load pages add to the conformance report's stylesheet (same look, charts and tables). */
export const loadCss = `
:root{--chart-1:#0969da;--chart-2:#1a7f37;--chart-3:#cf222e;--chart-4:#9a6700;--chart-5:#8250df;--chart-6:#59636e}
@media (prefers-color-scheme:dark){:root{--chart-1:#4493f8;--chart-2:#3fb950;--chart-3:#f85149;--chart-4:#d29922;--chart-5:#ab7df8;--chart-6:#9198a1}}
header.top.inconclusive{--verdict:var(--skip)}header.top.certified{--verdict:var(--pass)}header.top.not-certified{--verdict:var(--fail)}
.load-section{margin:1.4rem 0 2rem}
table.data{border-collapse:collapse;margin:.4rem 0 1rem;font-size:14px;min-width:min(100%,32rem)}
table.data th,table.data td{padding:.25rem .75rem .25rem 0;border-bottom:1px solid var(--line);text-align:left;vertical-align:top}
table.data th{font-weight:600;color:var(--muted);font-size:12px;text-transform:uppercase;letter-spacing:.04em}
table.data td.num,table.data th.num{text-align:right;font-variant-numeric:tabular-nums}
.ok{color:var(--pass);font-weight:600}.not-ok{color:var(--fail);font-weight:600}
.ratio{font-size:1.6rem;font-weight:700;font-variant-numeric:tabular-nums}
.headline-figures{display:flex;flex-wrap:wrap;gap:.6rem 1.5rem;margin:.6rem 0 1rem}
.headline-figures div{background:var(--panel);border:1px solid var(--line);border-radius:6px;padding:.45rem .8rem;min-width:9rem}
.headline-figures dt{color:var(--muted);font-size:12px;text-transform:uppercase;letter-spacing:.04em}.headline-figures dd{margin:0;font-size:1.15rem;font-weight:600}
.findings li{color:var(--fail)}
figure.chart-figure{margin:.6rem 0 1.2rem;border:1px solid var(--line);border-radius:6px;padding:.5rem;background:var(--bg);overflow-x:auto}
figure.chart-figure figcaption{font-size:13px;color:var(--muted);margin:.2rem .3rem}
svg.chart{display:block;width:100%;height:auto;font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif}
svg.chart .grid{stroke:var(--line);stroke-width:1}
svg.chart .axis{stroke:var(--muted);stroke-width:1}
svg.chart .tick,svg.chart .bar-value{fill:var(--muted);font-size:11px}
svg.chart .axis-label{fill:var(--fg);font-size:12px}
svg.chart text.legend{fill:var(--fg);font-size:12px}
svg.chart .series{fill:none;stroke-width:2;stroke-linejoin:round;stroke-linecap:round}
svg.chart .dashed{stroke-dasharray:6 4}
svg.chart .reference{stroke:var(--fg);stroke-width:1.5;stroke-dasharray:2 3}
svg.chart .reference-label{fill:var(--fg);font-size:11px;font-weight:600}
${[1, 2, 3, 4, 5, 6].map((n) => `svg.chart .series.tone-${n}{stroke:var(--chart-${n})}svg.chart .bar.tone-${n},svg.chart .dot.tone-${n}{fill:var(--chart-${n})}`).join('\n')}
.no-chart{background:var(--panel);border:1px dashed var(--line);border-radius:6px;padding:.8rem 1rem;color:var(--muted)}
.parts{list-style:none;padding:0;margin:.6rem 0 0;display:flex;flex-wrap:wrap;gap:.5rem}
.parts li{border-radius:6px;padding:.3rem .8rem;background:var(--code)}
@media print{figure.chart-figure{break-inside:avoid-page}}
`;
