package uk.westmercia.charter.landing;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes UTF-8 strictly and knows on which line a bad byte is: it counts the line feeds it has
 * decoded, so a file that is not UTF-8 is refused naming the line (an {@code InputStreamReader} reads
 * ahead and cannot say).
 */
final class Utf8LineReader extends Reader {
    private final InputStream in;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private final ByteBuffer bytes = ByteBuffer.allocate(1 << 16).flip();
    private final CharBuffer chars = CharBuffer.allocate(1 << 16).flip();
    private long lineFeeds;
    /** How much of {@code chars} has been counted. */
    private int counted;
    private boolean endOfInput;
    private boolean flushed;

    Utf8LineReader(InputStream in) {
        this.in = in;
    }

    @Override
    public int read(char[] target, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (!chars.hasRemaining() && !fill()) {
            return -1;
        }
        int n = Math.min(length, chars.remaining());
        chars.get(target, offset, n);
        return n;
    }

    /** Decodes the next chunk into {@code chars}; false at the end of the text. */
    private boolean fill() throws IOException {
        chars.clear();
        counted = 0;
        while (chars.position() == 0 && !flushed) {
            if (!endOfInput) {
                bytes.compact();
                int read = in.read(bytes.array(), bytes.position(), bytes.remaining());
                if (read < 0) {
                    endOfInput = true;
                }
                else {
                    bytes.position(bytes.position() + read);
                }
                bytes.flip();
            }
            CoderResult result = decoder.decode(bytes, chars, endOfInput);
            if (result.isUnderflow() && endOfInput) {
                result = decoder.flush(chars);
                flushed = result.isUnderflow();
            }
            countLineFeeds();
            if (result.isError()) {
                // Everything before the bad byte is decoded and counted: it is on the next line.
                throw new NotUtf8Exception(lineFeeds + 1);
            }
        }
        chars.flip();
        return chars.hasRemaining();
    }

    private void countLineFeeds() {
        char[] array = chars.array();
        for (int i = counted; i < chars.position(); i++) {
            if (array[i] == '\n') {
                lineFeeds++;
            }
        }
        counted = chars.position();
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
