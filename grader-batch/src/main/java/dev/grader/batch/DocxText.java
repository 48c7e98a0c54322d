package dev.grader.batch;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The text of a Word {@code .docx} file, read with the JDK alone (a zip of XML parts; no POI): one line per
 * paragraph of {@code word/document.xml}, tabs and line breaks kept, and paragraphs styled as headings written
 * as Markdown headings ({@code ## ...}) so that a question's text used as a heading is recognised.
 *
 * <p>Untrusted input: DTDs and external entities are refused, and the document part is read up to
 * {@link #MAX_XML_BYTES} uncompressed (a zip bomb stops there). Automatic list numbering is not text in a .docx
 * and is lost; headings typed as {@code Q4} or {@code 4)} are kept.
 */
final class DocxText {

    /** A take-home's document part is well under this; anything bigger is refused. */
    static final int MAX_XML_BYTES = 32 * 1024 * 1024;

    private static final String W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

    private DocxText() {
    }

    /**
     * @throws UnreadableSubmissionException when the bytes are not a readable .docx
     */
    static String extract(byte[] bytes) {
        byte[] xml = documentPart(bytes);
        try {
            return paragraphs(xml);
        } catch (XMLStreamException e) {
            throw new UnreadableSubmissionException("not a readable .docx (its document part is malformed XML)");
        }
    }

    private static byte[] documentPart(byte[] bytes) {
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (entry.getName().equals("word/document.xml")) {
                    return readCapped(zip);
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new UnreadableSubmissionException("not a readable .docx (not a valid zip archive)");
        }
        throw new UnreadableSubmissionException("not a readable .docx (no word/document.xml inside)");
    }

    private static byte[] readCapped(InputStream in) throws IOException {
        byte[] data = in.readNBytes(MAX_XML_BYTES + 1);
        if (data.length > MAX_XML_BYTES) {
            throw new UnreadableSubmissionException("a .docx whose text is over " + (MAX_XML_BYTES >> 20)
                    + " MB uncompressed; not graded");
        }
        return data;
    }

    private static String paragraphs(byte[] xml) throws XMLStreamException {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        XMLStreamReader r = factory.createXMLStreamReader(new ByteArrayInputStream(xml));
        StringBuilder out = new StringBuilder();
        StringBuilder paragraph = new StringBuilder();
        boolean heading = false;
        boolean inText = false;
        boolean inRun = false;
        try {
            while (r.hasNext()) {
                int event = r.next();
                if (event == XMLStreamConstants.START_ELEMENT && W.equals(r.getNamespaceURI())) {
                    switch (r.getLocalName()) {
                        case "p" -> {
                            paragraph.setLength(0);
                            heading = false;
                        }
                        case "pStyle" -> {
                            String style = r.getAttributeValue(W, "val");
                            heading = style != null && (style.startsWith("Heading") || style.equals("Title"));
                        }
                        case "r" -> inRun = true;
                        case "t" -> inText = true;
                        // Only inside a run: w:tab also defines tab stops in the paragraph's properties.
                        case "tab" -> paragraph.append(inRun ? "\t" : "");
                        case "br", "cr" -> paragraph.append(inRun ? "\n" : "");
                        default -> {
                        }
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT && W.equals(r.getNamespaceURI())) {
                    if (r.getLocalName().equals("t")) {
                        inText = false;
                    } else if (r.getLocalName().equals("r")) {
                        inRun = false;
                    } else if (r.getLocalName().equals("p")) {
                        if (heading && !paragraph.toString().isBlank()) {
                            out.append("## ");
                        }
                        out.append(paragraph).append('\n');
                    }
                } else if (inText && (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA)) {
                    paragraph.append(r.getText());
                }
            }
        } finally {
            r.close();
        }
        return out.toString();
    }
}
