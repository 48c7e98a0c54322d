package dev.grader.batch;

/**
 * The inline stylesheet and script of {@code report.html}. The page must work from a file, offline, in any
 * browser: system fonts only, no images, no requests; the script only sorts tables and opens details.
 */
final class HtmlStyle {

    private HtmlStyle() {
    }

    /**
     * Candidate names and answers come in any script. Each system's UI font first, then the fonts that carry
     * Chinese, Japanese and Korean on macOS, Windows and Linux (Noto CJK, Source Han, WenQuanYi), other scripts
     * (Noto), and colour emoji last, so no name falls through to boxes where a font for it is installed.
     */
    static final String FONTS = "system-ui, -apple-system, \"Segoe UI\", Roboto, \"Noto Sans\", \"Helvetica Neue\", "
            + "Arial, \"PingFang SC\", \"Hiragino Sans\", \"Hiragino Kaku Gothic ProN\", \"Apple SD Gothic Neo\", "
            + "\"Microsoft YaHei\", \"Yu Gothic UI\", \"Malgun Gothic\", \"Noto Sans CJK SC\", \"Noto Sans CJK JP\", "
            + "\"Noto Sans CJK KR\", \"Source Han Sans SC\", \"WenQuanYi Micro Hei\", \"Noto Sans Arabic\", "
            + "\"Noto Sans Hebrew\", \"Noto Sans Devanagari\", \"Noto Sans Thai\", sans-serif, \"Apple Color Emoji\", "
            + "\"Segoe UI Emoji\", \"Noto Color Emoji\"";

    static final String CSS = """
            :root { --fg: #1f2328; --muted: #656d76; --line: #d0d7de; --bg: #ffffff; --panel: #f6f8fa;
                    --accent: #0969da; --good: #1a7f37; --bad: #cf222e; --warn: #9a6700; --fonts: FONTS; }
            * { box-sizing: border-box; }
            body { margin: 0; font: 14px/1.45 var(--fonts); color: var(--fg); background: var(--bg); }
            main { max-width: 1280px; margin: 0 auto; padding: 24px 28px 64px; }
            header h1 { font-size: 26px; margin: 0 0 2px; }
            header p { margin: 2px 0; color: var(--muted); }
            h2 { font-size: 18px; margin: 36px 0 10px; padding-bottom: 6px; border-bottom: 1px solid var(--line); }
            h2 small { font-weight: normal; color: var(--muted); font-size: 13px; }
            .badge { display: inline-block; padding: 1px 8px; border-radius: 10px; font-size: 12px;
                     background: var(--panel); border: 1px solid var(--line); color: var(--muted); }
            .cards { display: flex; flex-wrap: wrap; gap: 12px; margin-top: 18px; }
            .card { flex: 1 1 150px; background: var(--panel); border: 1px solid var(--line); border-radius: 8px;
                    padding: 10px 14px; }
            .card .v { font-size: 24px; font-weight: 600; }
            .card .k { color: var(--muted); font-size: 12px; text-transform: uppercase; letter-spacing: .04em; }
            .scroll { overflow-x: auto; border: 1px solid var(--line); border-radius: 8px; }
            .scroll.tall { max-height: 560px; overflow: auto; }
            .scroll.tall thead th { position: sticky; top: 0; z-index: 1; }
            table { border-collapse: collapse; width: 100%; }
            th, td { padding: 5px 8px; border-bottom: 1px solid var(--line); text-align: left; vertical-align: top; }
            th { background: var(--panel); font-weight: 600; white-space: nowrap; }
            th[data-sort] { cursor: pointer; user-select: none; }
            th[aria-sort=ascending]::after { content: " \\25B2"; font-size: 9px; }
            th[aria-sort=descending]::after { content: " \\25BC"; font-size: 9px; }
            tr:last-child td { border-bottom: none; }
            td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
            .ranking td.name { white-space: nowrap; max-width: 260px; overflow: hidden; text-overflow: ellipsis; }
            .ranking th.q, .ranking td.q { width: 30px; min-width: 30px; padding: 5px 2px; text-align: center;
                     font-size: 11px; font-variant-numeric: tabular-nums; }
            .ranking td.q { border-left: 1px solid #fff; }
            td.na, span.na { background: #eef0f2; color: #8c959f; }
            .s0 { background: #ffd8d3; } .s1 { background: #ffe0cc; } .s2 { background: #ffe8c4; }
            .s3 { background: #fff0bf; } .s4 { background: #fbf4bd; } .s5 { background: #eef3bd; }
            .s6 { background: #dff0bf; } .s7 { background: #d0eac2; } .s8 { background: #c1e4c4; }
            .s9 { background: #b2dec5; } .s10 { background: #a4d8c6; }
            .grid { display: grid; grid-template-columns: minmax(0, 5fr) minmax(0, 7fr); gap: 28px; }
            @media (max-width: 900px) { .grid { grid-template-columns: minmax(0, 1fr); } }
            svg text { font: 11px var(--fonts); fill: var(--muted); }
            svg .bar { fill: #54aeff; } svg .axis { stroke: var(--line); } svg .count { fill: var(--fg); }
            .difficulty td { padding: 3px 8px; }
            .difficulty .prompt { max-width: 250px; white-space: nowrap; overflow: hidden; text-overflow: ellipsis;
                     color: var(--muted); }
            .meter { position: relative; height: 14px; min-width: 90px; margin-top: 3px; background: #eef0f2;
                     border-radius: 3px; }
            .meter span { position: absolute; left: 0; top: 0; bottom: 0; border-radius: 3px; }
            table.stats th { background: none; font-weight: normal; color: var(--muted); }
            table.stats td, table.stats th { border-bottom: 1px solid var(--line); }
            .muted { color: var(--muted); }
            details.candidate { border: 1px solid var(--line); border-radius: 8px; margin: 8px 0;
                     background: var(--bg); }
            details.candidate > summary { cursor: pointer; padding: 8px 12px; display: flex; gap: 12px;
                     align-items: baseline; flex-wrap: wrap; }
            details.candidate[open] > summary { border-bottom: 1px solid var(--line); background: var(--panel);
                     border-radius: 8px 8px 0 0; }
            summary .rank { color: var(--muted); min-width: 36px; }
            summary .name { font-weight: 600; }
            summary .pct { font-variant-numeric: tabular-nums; font-weight: 600; }
            .cbody { padding: 4px 16px 12px; }
            .q { border-bottom: 1px dashed var(--line); padding: 8px 0; }
            .q:last-child { border-bottom: none; }
            .q h4 { margin: 0 0 4px; font-size: 14px; display: flex; gap: 8px; align-items: baseline; flex-wrap: wrap; }
            .q h4 .qprompt { font-weight: normal; color: var(--muted); flex: 1 1 300px; }
            .pill { display: inline-block; padding: 0 7px; border-radius: 9px; font-size: 12px; font-weight: 600; }
            .v-correct { color: var(--good); } .v-partial { color: var(--warn); }
            .v-incorrect, .v-contradictory { color: var(--bad); } .v-unanswered { color: var(--muted); }
            ul.kp { list-style: none; margin: 4px 0; padding: 0; }
            ul.kp li { padding: 1px 0 1px 18px; position: relative; }
            ul.kp li::before { content: ""; position: absolute; left: 3px; top: 7px; width: 8px; height: 8px;
                     border-radius: 50%; }
            ul.kp li.covered::before, .legend i.covered { background: var(--good); }
            ul.kp li.partial::before, .legend i.partial { background: #d4a72c; }
            ul.kp li.missed::before, .legend i.missed { background: #afb8c1; }
            ul.kp li.contradicted::before, .legend i.contradicted { background: var(--bad); }
            ul.kp li.missed { color: var(--muted); }
            q { color: #0a3069; background: #ddf4ff; padding: 0 3px; border-radius: 3px; quotes: "\\201C" "\\201D"; }
            .mis, .probes, div.review, .notes { margin: 4px 0; padding: 4px 10px; border-radius: 6px; }
            .mis { background: #ffebe9; } .probes { background: #f6f8fa; } div.review { background: #fff8c5; }
            .notes { background: #fff8c5; }
            .mis ul, .probes ul, .notes ul { margin: 2px 0; padding-left: 20px; }
            .legend { color: var(--muted); font-size: 12px; margin-left: auto; }
            .legend i { display: inline-block; width: 8px; height: 8px; border-radius: 50%; margin: 0 4px 0 10px; }
            .label { font-weight: 600; font-size: 12px; text-transform: uppercase; letter-spacing: .03em; }
            .toolbar { margin: 6px 0 10px; display: flex; gap: 8px; align-items: center; flex-wrap: wrap; }
            button { font: inherit; padding: 3px 10px; border: 1px solid var(--line); border-radius: 6px;
                     background: var(--panel); cursor: pointer; }
            footer { margin-top: 40px; color: var(--muted); font-size: 12px; }
            """.replace("FONTS;", FONTS + ";");

    static final String SCRIPT = """
            (function () {
              function value(row, i) { var c = row.cells[i]; return c ? c.getAttribute('data-value') || '' : ''; }
              document.querySelectorAll('table.sortable th[data-sort]').forEach(function (th) {
                th.addEventListener('click', function () {
                  var body = th.closest('table').tBodies[0];
                  var i = Array.prototype.indexOf.call(th.parentNode.children, th);
                  var asc = th.getAttribute('aria-sort') !== 'ascending';
                  Array.prototype.forEach.call(th.parentNode.children, function (h) {
                    h.removeAttribute('aria-sort');
                  });
                  th.setAttribute('aria-sort', asc ? 'ascending' : 'descending');
                  var numeric = th.getAttribute('data-sort') === 'num';
                  var rows = Array.prototype.slice.call(body.rows);
                  rows.sort(function (a, b) {
                    var x = value(a, i), y = value(b, i), d;
                    if (numeric) {
                      d = (x === '' ? -1 : parseFloat(x)) - (y === '' ? -1 : parseFloat(y));
                    } else {
                      d = x.localeCompare(y);
                    }
                    return asc ? d : -d;
                  });
                  rows.forEach(function (r) { body.appendChild(r); });
                });
              });
              function openTarget() {
                var id = decodeURIComponent(location.hash.slice(1));
                var el = id ? document.getElementById(id) : null;
                if (el && el.tagName === 'DETAILS') { el.open = true; el.scrollIntoView(); }
              }
              window.addEventListener('hashchange', openTarget);
              openTarget();
              function all(open) {
                document.querySelectorAll('details.candidate').forEach(function (d) { d.open = open; });
              }
              var expand = document.getElementById('expand-all'), collapse = document.getElementById('collapse-all');
              if (expand) { expand.addEventListener('click', function () { all(true); }); }
              if (collapse) { collapse.addEventListener('click', function () { all(false); }); }
            })();
            """;
}
