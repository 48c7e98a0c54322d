package dev.grader.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

class DocxTextTest {

    private static final String W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

    /** A minimal .docx: a zip with word/document.xml (Word needs more parts; the reader needs only this one). */
    static byte[] docx(String body) {
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:document xmlns:w=\"" + W
                + "\"><w:body>" + body + "</w:body></w:document>";
        return zip(Map.of("[Content_Types].xml", "<Types/>", "word/document.xml", xml));
    }

    static byte[] zip(Map<String, String> entries) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, String> e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static String paragraph(String text) {
        return "<w:p><w:r><w:t xml:space=\"preserve\">" + text + "</w:t></w:r></w:p>";
    }

    static String heading(String text) {
        return "<w:p><w:pPr><w:pStyle w:val=\"Heading2\"/><w:tabs><w:tab w:val=\"left\" w:pos=\"720\"/></w:tabs>"
                + "</w:pPr><w:r><w:t>" + text + "</w:t></w:r></w:p>";
    }

    @Test
    void readsParagraphsAndWritesHeadingParagraphsAsMarkdownHeadings() {
        String text = DocxText.extract(docx(heading("What is keep-alive in HTTP/1.1?")
                + paragraph("A connection kept open") + "<w:p><w:r><w:t>for the next</w:t><w:tab/>"
                + "<w:t>request</w:t><w:br/><w:t>of the client.</w:t></w:r></w:p>" + paragraph("Q6")
                + paragraph("How long an idle &amp; open connection stays.")));
        assertEquals("## What is keep-alive in HTTP/1.1?\nA connection kept open\nfor the next\trequest\n"
                + "of the client.\nQ6\nHow long an idle & open connection stays.\n", text);
    }

    @Test
    void refusesWhatIsNotADocx() {
        assertEquals("not a readable .docx (no word/document.xml inside)", assertThrows(
                UnreadableSubmissionException.class, () -> DocxText.extract(zip(Map.of("a.txt", "Q1")))).getMessage());
        assertEquals("not a readable .docx (no word/document.xml inside)", assertThrows(
                UnreadableSubmissionException.class,
                () -> DocxText.extract("Q1 plain text".getBytes(StandardCharsets.UTF_8))).getMessage());
        assertEquals("not a readable .docx (its document part is malformed XML)", assertThrows(
                UnreadableSubmissionException.class,
                () -> DocxText.extract(zip(Map.of("word/document.xml", "<w:document><w:body>")))).getMessage());
    }

    @Test
    void refusesDocumentTypeDeclarationsSoNoEntityIsExpanded() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<w:document xmlns:w=\"" + W + "\"><w:body>" + paragraph("&x;") + "</w:body></w:document>";
        assertThrows(UnreadableSubmissionException.class,
                () -> DocxText.extract(zip(Map.of("word/document.xml", xxe))));
    }
}
