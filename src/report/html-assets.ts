/** The inline stylesheet and script of report.html (no network: system fonts, no images). */

/** Readable on a phone, in dark mode and on paper. */
export const reportCss = `
:root{--bg:#fff;--fg:#1b1f24;--muted:#59636e;--line:#d1d9e0;--panel:#f6f8fa;--code:#eff2f5;
--pass:#1a7f37;--pass-bg:#dafbe1;--fail:#cf222e;--fail-bg:#ffebe9;--skip:#9a6700;--skip-bg:#fff8c5;--err:#8250df;--err-bg:#fbefff;
color-scheme:light dark}
@media (prefers-color-scheme:dark){:root{--bg:#0d1117;--fg:#e6edf3;--muted:#9198a1;--line:#3d444d;--panel:#151b23;--code:#1f2630;
--pass:#3fb950;--pass-bg:#12261e;--fail:#f85149;--fail-bg:#2d1517;--skip:#d29922;--skip-bg:#272115;--err:#ab7df8;--err-bg:#231a33}}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--fg);font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif}
code,pre,.mono{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,"Liberation Mono",monospace;font-size:13px}
code{background:var(--code);padding:.1em .35em;border-radius:4px;overflow-wrap:anywhere}
pre{background:var(--panel);border:1px solid var(--line);border-radius:6px;padding:.6rem .75rem;margin:.4rem 0;white-space:pre-wrap;overflow-wrap:anywhere;max-height:32rem;overflow:auto}
.wrap{max-width:72rem;margin:0 auto;padding:0 1rem}
header.top{border-bottom:4px solid var(--verdict);background:var(--panel);padding:1.25rem 0 1rem}
header.top.passed{--verdict:var(--pass)}header.top.failed{--verdict:var(--fail)}header.top.errored{--verdict:var(--err)}
.eyebrow{margin:0;color:var(--muted);font-size:13px}
h1{font-size:1.45rem;line-height:1.3;margin:.3rem 0 .8rem}
.badge{display:inline-block;color:#fff;background:var(--verdict);border-radius:6px;padding:.05em .5em;margin-right:.35em;font-size:.9em;letter-spacing:.03em}
dl.meta{display:grid;grid-template-columns:repeat(auto-fill,minmax(9.5rem,1fr));gap:.35rem 1.25rem;margin:0 0 .9rem}
dl.meta div{min-width:0}dl.meta dt{color:var(--muted);font-size:12px;text-transform:uppercase;letter-spacing:.04em}dl.meta dd{margin:0;overflow-wrap:anywhere}
.totals{display:flex;flex-wrap:wrap;gap:.5rem;list-style:none;margin:0;padding:0}
.totals li{border-radius:999px;padding:.15rem .75rem;background:var(--code)}
.totals b{font-size:1.05em}
.s-passed{color:var(--pass)}.s-failed{color:var(--fail)}.s-skipped{color:var(--skip)}.s-errored{color:var(--err)}
li.s-passed{background:var(--pass-bg)}li.s-failed{background:var(--fail-bg)}li.s-skipped{background:var(--skip-bg)}li.s-errored{background:var(--err-bg)}
.banner{background:var(--skip-bg);border:1px solid var(--skip);color:var(--fg);border-radius:6px;padding:.7rem 1rem;margin:1rem 0 0}
.failed-index{margin:.9rem 0 0}.failed-index a{color:var(--fail);margin-right:.75rem}
.toolbar{display:flex;flex-wrap:wrap;gap:.75rem 1.25rem;align-items:center;padding:.75rem 0;border-bottom:1px solid var(--line);font-size:14px}
.toolbar a{color:var(--muted)}
button{font:inherit;font-size:13px;border:1px solid var(--line);background:var(--bg);color:var(--fg);border-radius:6px;padding:.15rem .6rem;cursor:pointer}
button:hover{background:var(--code)}
h2{font-size:1.15rem;margin:1.6rem 0 .5rem;padding-bottom:.3rem;border-bottom:1px solid var(--line)}
h2 .count{font-weight:normal;color:var(--muted);font-size:14px;margin-left:.5rem}
h3,h4{font-size:14px;margin:.9rem 0 .25rem}
.checks{list-style:none;margin:0;padding:0}
.check{border:1px solid var(--line);border-left:4px solid var(--status);border-radius:6px;margin:.5rem 0;padding:.55rem .75rem;background:var(--bg)}
.check.passed{--status:var(--pass)}.check.failed{--status:var(--fail)}.check.skipped{--status:var(--skip)}.check.errored{--status:var(--err)}
.check-head{display:flex;flex-wrap:wrap;gap:.2rem .6rem;align-items:baseline}
.status{font-weight:600;color:var(--status);min-width:5.5rem}
.check-id{font-weight:600}
.statement{flex:1 1 20rem;min-width:0}
.stats{color:var(--muted);font-size:13px;white-space:nowrap}
.reason{margin:.4rem 0 0}
details.failure{border-top:1px dashed var(--line);margin-top:.6rem;padding-top:.4rem}
details>summary{cursor:pointer}
details.failure>summary{font-weight:600}
.failure-id{color:var(--muted);font-weight:normal}
.versus{display:grid;grid-template-columns:1fr 1fr;gap:.6rem;margin:.6rem 0}
.versus>div{border-radius:6px;padding:.45rem .7rem;min-width:0;overflow-wrap:anywhere}
.versus .expected{background:var(--pass-bg)}.versus .actual{background:var(--fail-bg)}
.versus h4{margin:0;font-size:12px;text-transform:uppercase;letter-spacing:.04em;color:var(--muted)}
.versus p{margin:.15rem 0 0}
details.exchange{border:1px solid var(--line);border-radius:6px;padding:.35rem .6rem;margin:.4rem 0}
details.exchange>summary .tag{font-size:12px;background:var(--fail-bg);color:var(--fail);border-radius:4px;padding:0 .35em;margin-left:.3em}
.http h5{margin:.5rem 0 .1rem;font-size:12px;text-transform:uppercase;letter-spacing:.04em;color:var(--muted)}
table.headers{border-collapse:collapse;width:100%;font-size:13px;margin:.2rem 0}
table.headers th,table.headers td{text-align:left;vertical-align:top;padding:.1rem .5rem .1rem 0;border-bottom:1px solid var(--line)}
table.headers th{font-weight:600;white-space:nowrap;width:1%}table.headers td{overflow-wrap:anywhere;word-break:break-all}
.repro{margin:.4rem 0}.repro-head{display:flex;justify-content:space-between;align-items:center;gap:.5rem;font-size:13px;color:var(--muted)}
footer{color:var(--muted);font-size:13px;padding:2rem 0}
body:has(#failed-only:checked) .check:not(.failed),body:has(#failed-only:checked) section.section:not(:has(.check.failed)){display:none}
@media (max-width:40rem){.versus{grid-template-columns:1fr}h1{font-size:1.2rem}.statement{flex-basis:100%}.wrap{padding:0 .6rem}}
@media print{.toolbar,button.copy{display:none}pre{max-height:none;overflow:visible}.check{break-inside:avoid-page}
header.top,.badge,.check,.versus>div,.totals li{-webkit-print-color-adjust:exact;print-color-adjust:exact}}
`;

/**
 * Progressive enhancement only: the page reads fully without it. Shows the
 * copy buttons, opens every `<details>` for printing, marks the page ready.
 * Its hash goes into the page's Content-Security-Policy, so no other script
 * can run even if something slipped through escaping.
 */
export const reportScript = `
document.querySelectorAll('button.copy').forEach(function (button) {
  button.hidden = false;
  button.addEventListener('click', function () {
    var source = document.getElementById(button.getAttribute('data-copy'));
    if (!source) return;
    var done = function () { button.textContent = 'Copied'; setTimeout(function () { button.textContent = 'Copy'; }, 1500); };
    var fallback = function () {
      var range = document.createRange(); range.selectNodeContents(source);
      var selection = window.getSelection(); selection.removeAllRanges(); selection.addRange(range);
      try { document.execCommand('copy'); done(); } catch (e) { button.textContent = 'Press Ctrl+C'; }
    };
    if (navigator.clipboard && window.isSecureContext) navigator.clipboard.writeText(source.textContent).then(done, fallback);
    else fallback();
  });
});
var expandAll = document.getElementById('expand-all');
if (expandAll) {
  expandAll.hidden = false;
  expandAll.addEventListener('click', function () {
    var open = expandAll.getAttribute('data-open') !== 'true';
    document.querySelectorAll('details').forEach(function (d) { d.open = open; });
    expandAll.setAttribute('data-open', String(open));
    expandAll.textContent = open ? 'Collapse all' : 'Expand all';
  });
}
window.addEventListener('beforeprint', function () { document.querySelectorAll('details').forEach(function (d) { d.open = true; }); });
document.documentElement.setAttribute('data-report-ready', 'true');
`;
