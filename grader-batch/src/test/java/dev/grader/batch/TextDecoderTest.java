package dev.grader.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TextDecoderTest {

    private static String reason(byte[] bytes) {
        return assertThrows(UnreadableSubmissionException.class, () -> TextDecoder.decode(bytes)).getMessage();
    }

    @Test
    void decodesUtf8AndDropsItsByteOrderMark() {
        assertEquals("Q1 naïve", TextDecoder.decode("Q1 naïve".getBytes(StandardCharsets.UTF_8)));
        assertEquals("Q1", TextDecoder.decode(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'Q', '1'}));
    }

    @Test
    void decodesUtf16WithAByteOrderMark() {
        byte[] le = "\uFEFFQ1 é".getBytes(StandardCharsets.UTF_16LE);
        assertEquals("Q1 é", TextDecoder.decode(le));
        assertEquals("Q1 é", TextDecoder.decode("Q1 é".getBytes(StandardCharsets.UTF_16)));
    }

    @Test
    void refusesEmptyAndBlankFiles() {
        assertEquals("empty file", reason(new byte[0]));
        assertEquals("empty file (only white space)", reason(" \n\t\n".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void refusesBinaryFilesAndSaysWhatTheyLookLike() {
        assertEquals("binary file, not text (it contains NUL bytes)", reason(new byte[] {'Q', '1', 0, 1, 2}));
        assertEquals("a PDF file, not text: export it as .txt or .md (for example with pdftotext)",
                reason("%PDF-1.7\n...".getBytes(StandardCharsets.US_ASCII)));
        assertEquals("a zip archive (a .docx or .odt under another name?), not text",
                reason(new byte[] {'P', 'K', 3, 4, 20, 0}));
    }

    @Test
    void refusesTextThatIsNotUtf8AndNamesTheFirstBadByte() {
        byte[] latin1 = "Q1 caf\u00e9 au lait".getBytes(StandardCharsets.ISO_8859_1);
        assertEquals("not valid UTF-8 text (byte 0xE9 at offset 6); save the file as UTF-8", reason(latin1));
    }
}
