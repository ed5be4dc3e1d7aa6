package io.mixbench.report.standard.internal;

/**
 * The HTML report's style sheet, inline so the page needs no other file. It has no '&lt;' or '&amp;', so the page
 * stays well-formed XML; print rules keep colours and let charts and rows break between pages, not through them.
 */
final class HtmlStyle {

    static final String CSS = """
            :root{--ok:#2e7d32;--info:#1565c0;--warn:#b26a00;--problem:#c62828;--error:#6a1b9a;--ink:#1d2327;\
            --muted:#5f6b73;--line:#d5dbe0;--zone:#a5d6a7}
            *{box-sizing:border-box}
            body{font:14px/1.45 system-ui,-apple-system,"Segoe UI","DejaVu Sans",sans-serif;color:var(--ink);\
            margin:0 auto;padding:0 24px 32px;max-width:1100px;background:#fff}
            h1{font-size:24px;margin:20px 0 6px}
            h2{font-size:19px;margin:28px 0 8px;padding-bottom:4px;border-bottom:2px solid var(--line)}
            h3{font-size:15px;margin:18px 0 6px}
            a{color:#0b57a4}
            dl.meta{display:grid;grid-template-columns:max-content 1fr;gap:2px 12px;margin:6px 0;color:var(--muted)}
            dl.meta dt{font-weight:600}
            dl.meta dd{margin:0;overflow-wrap:anywhere}
            nav{margin:8px 0;display:flex;flex-wrap:wrap;gap:4px 14px}
            .note,figcaption{color:var(--muted);font-size:13px}
            .none{color:var(--muted);font-style:italic}
            figure{margin:8px 0}
            svg.chart{width:100%;height:auto;display:block}
            svg.chart.tonal{max-width:660px}
            svg text{font:11px system-ui,"DejaVu Sans",sans-serif;fill:var(--ink)}
            svg .axis{fill:var(--muted);font-size:10px}
            svg .grid{stroke:#e6eaed;stroke-width:1}
            svg .grid.zero{stroke:#9aa5ad}
            svg .frame{fill:none;stroke:#b8c1c8}
            svg .scale,svg .lane{fill:#eef1f3}
            svg .axisline{fill:#9aa5ad}
            svg .zone{fill:var(--zone)}
            svg .active{fill:#78909c}
            svg .bar-peak{fill:#b0bec5}
            svg .bar-rms{fill:#546e7a}
            svg .bar-value{fill:#546e7a}
            svg .tick-lufs{fill:var(--ink)}
            svg .line-momentary{fill:none;stroke:#90a4ae;stroke-width:1}
            svg .line-short{fill:none;stroke:#0d47a1;stroke-width:2}
            svg .key-momentary{fill:#90a4ae}
            svg .key-short{fill:#0d47a1}
            svg .line-mix{fill:none;stroke:#0d47a1;stroke-width:2.5}
            svg .line-ref{fill:none;stroke:#8d6e63;stroke-width:1.5;stroke-dasharray:6 4}
            svg .line-target{fill:none;stroke:#43a047;stroke-width:7;stroke-opacity:.45}
            svg .key-line-mix{fill:#0d47a1}
            svg .key-line-ref{fill:#8d6e63}
            svg .key-line-target{fill:#43a047}
            svg .dot{fill:#0d47a1}
            svg .mark{fill-opacity:.14}
            svg .lane-mark{fill-opacity:.7}
            svg .lane-name{fill:var(--ink)}
            svg .legend text{fill:var(--ink)}
            .sev-ok{fill:var(--ok);color:var(--ok)}
            .sev-info{fill:var(--info);color:var(--info)}
            .sev-warn{fill:var(--warn);color:var(--warn)}
            .sev-problem{fill:var(--problem);color:var(--problem)}
            .sev-rule-error{fill:var(--error);color:var(--error)}
            .badge{display:inline-block;min-width:64px;text-align:center;padding:1px 6px;border-radius:3px;\
            font-size:11px;font-weight:700;letter-spacing:.04em;color:#fff !important;text-decoration:none}
            .badge.sev-ok{background:var(--ok)}
            .badge.sev-info{background:var(--info)}
            .badge.sev-warn{background:var(--warn)}
            .badge.sev-problem{background:var(--problem)}
            .badge.sev-rule-error{background:var(--error)}
            .verdict{font-size:17px;font-weight:600;margin:8px 0}
            .verdict .badge{font-size:15px;padding:3px 10px}
            ul.counts{list-style:none;display:flex;flex-wrap:wrap;gap:8px;padding:0;margin:8px 0}
            ul.counts li{border:1px solid var(--line);border-radius:4px;padding:4px 12px;min-width:110px}
            ul.counts b{font-size:20px;margin-right:4px}
            ul.failed{color:var(--problem)}
            table{border-collapse:collapse;width:100%;margin:6px 0}
            th{text-align:left;font-weight:600;border-bottom:2px solid var(--line);padding:4px 8px;white-space:nowrap}
            td{border-bottom:1px solid #edf0f2;padding:3px 8px;vertical-align:middle}
            td.num{white-space:nowrap;text-align:right}
            td.file{font-size:12px;color:var(--muted);overflow-wrap:anywhere}
            td.error{color:var(--problem)}
            table.bridge td{padding:1px 8px}
            table.bridge tr.first td{border-top:1px solid var(--line)}
            table.bridge svg{display:block}
            .target{color:var(--muted);font-size:12px}
            td.measure{font-size:12px}
            svg.cbar{vertical-align:middle}
            a.track,td.name{white-space:nowrap}
            table.stereo th{white-space:normal;vertical-align:bottom}
            article.finding{border-left:4px solid currentColor;padding:4px 12px;margin:10px 0;background:#fafbfc}
            article.finding p{margin:3px 0;color:var(--ink)}
            article.finding .head{font-size:13px}
            .rule{font-family:ui-monospace,"DejaVu Sans Mono",monospace;font-size:12px;color:var(--muted)}
            .message{font-weight:600}
            .figures,.times{font-size:13px;color:var(--muted) !important}
            .fix code{font-size:12px;background:#eef1f3;padding:1px 4px;border-radius:3px}
            table.moves td{vertical-align:top}
            table.moves .why{color:var(--muted);font-size:13px}
            table.moves .conflict{color:var(--warn);font-size:13px}
            table.moves td.rule{white-space:normal}
            table.plan td.num{width:2em}
            p.outcome{font-size:15px;font-weight:600;margin:8px 0}
            ul.unresolved{color:var(--warn)}
            tr:target,article:target{outline:2px solid #0b57a4}
            footer{margin-top:32px;font-size:12px;color:var(--muted)}
            @media print{
            body{max-width:none;padding:0;font-size:11px}
            nav{display:none}
            a{color:inherit;text-decoration:none}
            *{-webkit-print-color-adjust:exact;print-color-adjust:exact}
            figure,tr,article.finding,ul.counts{break-inside:avoid}
            h2{break-after:avoid}
            article.finding{background:none}
            }
            """;

    private HtmlStyle() {
    }
}
