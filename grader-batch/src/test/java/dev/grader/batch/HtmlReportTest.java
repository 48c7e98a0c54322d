package dev.grader.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.grader.internal.Json;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cohort page, parsed as a browser would, against summary.csv and summary.json of the same run. */
class HtmlReportTest {

    private static final String HOSTILE_ID = "<script>alert('id')</script><img src=x onerror=alert(1)>";
    private static final String HOSTILE_ANSWER = "An accept loop starts one goroutine per connection. "
            + "</q></li></ul></details><script>alert('answer')</script><a href=\"https://evil.example\">x</a>";

    @TempDir
    static Path dir;

    static Document page;
    static List<CSVRecord> csv;
    static JsonNode summary;
    static String html;

    @BeforeAll
    static void gradeACohort() throws IOException {
        Path subs = dir.resolve("subs");
        BatchFixtures.cohort(subs, 7);
        BatchFixtures.write(subs.resolve("broken.txt"), new byte[] {0, 1});
        Path table = BatchFixtures.write(dir.resolve("extra.jsonl"), Json.compact(java.util.Map.of(
                "candidate", HOSTILE_ID, "question", "Q1", "answer", HOSTILE_ANSWER)) + "\n{not json}\n");
        Path out = dir.resolve("out");
        BatchGrading.builder(BatchFixtures.lexicalGrader()).outputDir(out).build().run(List.of(subs, table));
        html = BatchFixtures.read(out.resolve("report.html"));
        page = Jsoup.parse(html);
        try (CSVParser parser = CSVParser.parse(new StringReader(BatchFixtures.read(out.resolve("summary.csv"))),
                CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get())) {
            csv = parser.getRecords();
        }
        summary = Json.mapper().readTree(out.resolve("summary.json").toFile());
    }

    @Test
    void isOneSelfContainedPage() {
        assertTrue(html.startsWith("<!DOCTYPE html>\n<html lang=\"en\">"));
        assertEquals(0, page.select("link, img, iframe, object, embed, script[src], [src]").size());
        for (Element e : page.select("[href]")) {
            assertTrue(e.attr("href").startsWith("#"), "only links within the page: " + e.outerHtml());
        }
        String css = page.select("style").html();
        assertFalse(css.contains("url(") || css.contains("@import") || css.contains("@font-face"), css);
        assertEquals("default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'",
                page.selectFirst("meta[http-equiv=Content-Security-Policy]").attr("content"));
        Elements scripts = page.select("script");
        assertEquals(1, scripts.size());
        assertEquals(HtmlStyle.SCRIPT, scripts.first().data().stripLeading());
    }

    /**
     * Names in Chinese, Japanese, Korean, Arabic, Hindi: the page names fonts that carry each script on every
     * common system before the generic family, for the text and the chart labels alike. (What it looks like:
     * scripts/render-report.sh, whose synthetic cohort has such names.)
     */
    @Test
    void fontStackFallsBackForCjkAndOtherScripts() {
        String css = page.select("style").html();
        String fonts = css.replaceFirst("(?s).*--fonts: ([^;]+);.*", "$1");
        List<String> families = List.of(fonts.split(",\\s*"));
        int generic = families.indexOf("sans-serif");
        for (String family : List.of("\"PingFang SC\"", "\"Hiragino Sans\"", "\"Microsoft YaHei\"",
                "\"Malgun Gothic\"", "\"Noto Sans CJK SC\"", "\"Noto Sans CJK JP\"", "\"Noto Sans CJK KR\"",
                "\"WenQuanYi Micro Hei\"", "\"Noto Sans Arabic\"", "\"Noto Sans Devanagari\"")) {
            int at = families.indexOf(family);
            assertTrue(at >= 0 && at < generic, family + " before sans-serif in " + families);
        }
        assertTrue(families.indexOf("\"Noto Color Emoji\"") > generic, families.toString());
        assertTrue(css.contains("body { margin: 0; font: 14px/1.45 var(--fonts);"), css);
        assertTrue(css.contains("svg text { font: 11px var(--fonts);"), css);
    }

    @Test
    void hasEverySection() {
        for (String id : List.of("overview", "ranking", "histogram", "statistics", "difficulty", "missed",
                "misconceptions", "not-graded", "candidates")) {
            assertNotNull(page.getElementById(id), id);
        }
    }

    @Test
    void escapesCandidateIdsAndAnswers() {
        assertTrue(page.select("[onerror], [onclick], [onload]").isEmpty());
        assertTrue(page.select("a[href^=http]").isEmpty());
        List<String> names = page.select("table.ranking td.name").eachText();
        assertTrue(names.contains(HOSTILE_ID), names.toString());
        Element hostile = page.select("details.candidate").stream()
                .filter(d -> d.selectFirst("summary .name").text().equals(HOSTILE_ID)).findFirst().orElseThrow();
        assertTrue(hostile.text().contains(HOSTILE_ANSWER.substring(0, 40)), hostile.text());
        assertEquals(8, page.select("details.candidate").size(), "every graded candidate has its details");
    }

    @Test
    void rankingMatchesSummaryCsvCellByCell() {
        List<CSVRecord> graded = csv.stream().filter(r -> r.get("status").equals("graded")).toList();
        Elements rows = page.select("table.ranking tbody tr");
        assertEquals(graded.size(), rows.size());
        assertEquals(8, rows.size());
        for (int i = 0; i < rows.size(); i++) {
            Element row = rows.get(i);
            CSVRecord r = graded.get(i);
            assertEquals(r.get("rank"), row.selectFirst("td.rank").attr("data-value"));
            assertEquals(r.get("candidate").replaceFirst("^'", ""), row.selectFirst("td.name").text());
            assertEquals(r.get("percent"), row.selectFirst("td.percent").attr("data-value"));
            assertEquals(r.get("percent"), row.selectFirst("td.percent").text());
            assertEquals(r.get("total"), row.selectFirst("td.total").attr("data-value"));
            assertEquals(r.get("answered"), row.selectFirst("td.answered").text());
            Elements cells = row.select("td.q");
            assertEquals(6, cells.size(), "the six questions the cohort answers");
            for (int q = 0; q < 6; q++) {
                assertEquals(r.get("Q" + (q + 1)), cells.get(q).attr("data-score"), "Q" + (q + 1) + " of " + r);
            }
        }
        List<Double> percents = rows.stream().map(e -> Double.parseDouble(e.selectFirst("td.percent").text()))
                .toList();
        List<Double> sorted = new ArrayList<>(percents);
        sorted.sort(java.util.Comparator.reverseOrder());
        assertEquals(sorted, percents, "best first");
    }

    @Test
    void chartsMatchSummaryJson() {
        Elements bars = page.select("svg.histogram rect.bar");
        assertEquals(10, bars.size());
        int total = 0;
        for (int i = 0; i < bars.size(); i++) {
            int count = Integer.parseInt(bars.get(i).attr("data-count"));
            assertEquals(summary.get("statistics").get("histogram").get(i).asInt(), count);
            total += count;
        }
        assertEquals(8, total);
        Elements questions = page.select("table.difficulty tbody tr");
        assertEquals(6, questions.size());
        assertEquals(6, summary.get("questions").size());
        for (int i = 0; i < 6; i++) {
            JsonNode q = summary.get("questions").get(i);
            assertEquals(q.get("id").asText(), questions.get(i).attr("data-question"));
            String mean = questions.get(i).select("td[data-mean]").attr("data-mean");
            assertEquals(q.get("meanScore").isNull() ? "" : Numbers.plain(q.get("meanScore").asDouble()), mean);
        }
        assertEquals(Numbers.plain(summary.get("statistics").get("meanPercent").asDouble()) + " %",
                page.selectFirst(".card[data-key=mean] .v").text());
    }

    @Test
    void listsMostMissedPointsAndMisconceptionsMostFirst() {
        List<Integer> missed = page.select("table.missed td[data-missed]").eachAttr("data-missed").stream()
                .map(Integer::parseInt).toList();
        assertFalse(missed.isEmpty());
        assertTrue(missed.size() <= HtmlReport.TOP);
        for (int i = 1; i < missed.size(); i++) {
            assertTrue(missed.get(i - 1) >= missed.get(i), missed.toString());
        }
        List<Integer> stated = page.select("table.misconceptions td[data-count]").eachAttr("data-count").stream()
                .map(Integer::parseInt).toList();
        assertFalse(stated.isEmpty(), "cand-05 states the thread-pool misconception");
        for (int i = 1; i < stated.size(); i++) {
            assertTrue(stated.get(i - 1) >= stated.get(i), stated.toString());
        }
    }

    @Test
    void listsWhatWasNotGraded() {
        List<String> rows = page.select("table.not-graded tbody tr").eachText();
        assertEquals(2, rows.size(), rows.toString());
        assertTrue(rows.get(0).startsWith("broken unreadable binary file"), rows.get(0));
        assertTrue(rows.get(1).contains("line 2") && rows.get(1).contains("malformed JSON"), rows.get(1));
    }

    @Test
    void detailsHaveUniqueIdsThatTheRankingLinksTo() {
        Set<String> ids = new HashSet<>();
        for (Element d : page.select("details.candidate")) {
            assertTrue(ids.add(d.id()), "duplicate id " + d.id());
        }
        for (Element a : page.select("table.ranking td.name a")) {
            assertTrue(ids.contains(a.attr("href").substring(1)), a.attr("href"));
        }
    }
}
