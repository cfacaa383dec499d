package com.lakehouse.ingestd.multipart;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.lakehouse.shared.error.InvalidRequestException;

/**
 * A streaming {@code multipart/form-data} reader (RFC 7578 over RFC 2046): parts come one after
 * the other, each as an {@link InputStream} that ends at the next boundary, and nothing but one
 * fixed buffer is ever held in memory, so an upload of any size streams straight to disk.
 * Boundaries are found with Boyer-Moore-Horspool, which skips most of the body without looking
 * at it, so parsing keeps pace with the network.
 */
public final class MultipartFormReader {

    private static final int BUFFER_BYTES = 1 << 16;
    private static final int MAX_HEADER_BYTES = 16 * 1024;

    private final InputStream body;
    private final byte[] delimiter;
    private final int[] skip = new int[256];
    private final byte[] buffer = new byte[BUFFER_BYTES];
    private int position;
    private int limit;
    private boolean endOfBody;
    private boolean finished;
    private PartStream current;

    /**
     * @param body     the request body
     * @param boundary the {@code boundary} parameter of the request's Content-Type
     */
    public MultipartFormReader(InputStream body, String boundary) {
        this.body = body;
        this.delimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        Arrays.fill(skip, delimiter.length);
        for (int i = 0; i < delimiter.length - 1; i++) {
            skip[delimiter[i] & 0xFF] = delimiter.length - 1 - i;
        }
        // The first boundary has no CRLF before it; a virtual one lets one delimiter serve all.
        buffer[0] = '\r';
        buffer[1] = '\n';
        limit = 2;
    }

    /** The boundary of a {@code multipart/form-data} Content-Type, if it is one. */
    public static Optional<String> boundaryOf(String contentType) {
        if (contentType == null) {
            return Optional.empty();
        }
        String[] pieces = contentType.split(";");
        if (!pieces[0].trim().equalsIgnoreCase("multipart/form-data")) {
            return Optional.empty();
        }
        for (int i = 1; i < pieces.length; i++) {
            String piece = pieces[i].trim();
            int eq = piece.indexOf('=');
            if (eq > 0 && piece.substring(0, eq).trim().equalsIgnoreCase("boundary")) {
                String value = unquote(piece.substring(eq + 1).trim());
                if (!value.isEmpty() && value.length() <= 70) {
                    return Optional.of(value);
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The next part, after skipping whatever is left of the previous one.
     *
     * @return the part, or null after the closing boundary
     * @throws InvalidRequestException when the body is not well-formed multipart
     */
    public Part next() throws IOException {
        if (finished) {
            return null;
        }
        if (current == null) {
            skipPreamble();
        } else {
            current.transferTo(OutputSink.DISCARD);
        }
        position += delimiter.length;
        if (!ensure(2)) {
            throw malformed("the body ends right after a boundary");
        }
        if (buffer[position] == '-' && buffer[position + 1] == '-') {
            finished = true;
            return null;
        }
        skipTransportPadding();
        Map<String, String> headers = readHeaders();
        ContentDisposition disposition = ContentDisposition.parse(headers.get("content-disposition"));
        current = new PartStream();
        return new Part(disposition.name(), disposition.filename(), headers.get("content-type"), current);
    }

    private void skipPreamble() throws IOException {
        while (true) {
            int at = find(position);
            if (at >= 0) {
                position = at;
                return;
            }
            position = Math.max(position, limit - delimiter.length + 1);
            if (!fill()) {
                throw malformed("no multipart boundary found in the body");
            }
        }
    }

    private void skipTransportPadding() throws IOException {
        while (true) {
            if (!ensure(1)) {
                throw malformed("the body ends inside a boundary line");
            }
            byte b = buffer[position];
            if (b == ' ' || b == '\t') {
                position++;
            } else {
                break;
            }
        }
        if (!ensure(2) || buffer[position] != '\r' || buffer[position + 1] != '\n') {
            throw malformed("a boundary line is not followed by CRLF");
        }
        position += 2;
    }

    private Map<String, String> readHeaders() throws IOException {
        Map<String, String> headers = new LinkedHashMap<>();
        if (!ensure(2)) {
            throw malformed("the body ends inside part headers");
        }
        if (buffer[position] == '\r' && buffer[position + 1] == '\n') {
            position += 2; // a part without headers
            return headers;
        }
        int end;
        while ((end = indexOfBlankLine()) < 0) {
            if (limit - position > MAX_HEADER_BYTES) {
                throw malformed("part headers longer than " + MAX_HEADER_BYTES + " bytes");
            }
            if (!fill()) {
                throw malformed("the body ends inside part headers");
            }
        }
        String block = new String(buffer, position, end - position, StandardCharsets.UTF_8);
        position = end + 4;
        for (String line : block.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
            }
        }
        return headers;
    }

    private int indexOfBlankLine() {
        for (int i = position; i + 3 < limit; i++) {
            if (buffer[i] == '\r' && buffer[i + 1] == '\n' && buffer[i + 2] == '\r' && buffer[i + 3] == '\n') {
                return i;
            }
        }
        return -1;
    }

    /** Boyer-Moore-Horspool search for the delimiter in {@code buffer[from..limit)}. */
    private int find(int from) {
        int m = delimiter.length;
        int i = from;
        while (i <= limit - m) {
            int j = m - 1;
            while (j >= 0 && buffer[i + j] == delimiter[j]) {
                j--;
            }
            if (j < 0) {
                return i;
            }
            i += skip[buffer[i + m - 1] & 0xFF];
        }
        return -1;
    }

    /** Makes at least {@code n} unread bytes available; false if the body ends first. */
    private boolean ensure(int n) throws IOException {
        while (limit - position < n) {
            if (!fill()) {
                return false;
            }
        }
        return true;
    }

    /** Moves unread bytes to the front and reads more; false at the end of the body. */
    private boolean fill() throws IOException {
        if (endOfBody) {
            return false;
        }
        if (position > 0) {
            System.arraycopy(buffer, position, buffer, 0, limit - position);
            limit -= position;
            if (current != null) {
                current.shift(position);
            }
            position = 0;
        }
        int n = body.read(buffer, limit, buffer.length - limit);
        if (n < 0) {
            endOfBody = true;
            return false;
        }
        limit += n;
        return true;
    }

    private static String unquote(String value) {
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            return value.substring(1, value.length() - 1);
        }
        return value;
    }

    private static InvalidRequestException malformed(String reason) {
        return new InvalidRequestException("malformed multipart body: " + reason);
    }

    /** Where {@link PartStream#transferTo} sends bytes; DISCARD drops them. */
    private interface OutputSink {
        OutputSink DISCARD = (b, off, len) -> { };

        void write(byte[] b, int off, int len);
    }

    /**
     * One part of the form.
     *
     * @param name        the form field name ({@code file}), or null if the part has none
     * @param filename    the file name the client sent, or null
     * @param contentType the part's Content-Type, or null
     * @param content     the part's bytes, ending at the next boundary
     */
    public record Part(String name, String filename, String contentType, InputStream content) {
    }

    /** The body of the current part: the bytes up to the next delimiter. */
    private final class PartStream extends InputStream {
        /** Where the next delimiter starts in the buffer, once found; -1 while unknown. */
        private int delimiterAt = -1;
        /** Positions below this are known not to start a delimiter. */
        private int clearUpTo;
        private boolean done;

        void shift(int by) {
            if (delimiterAt >= 0) {
                delimiterAt -= by;
            }
            clearUpTo = Math.max(0, clearUpTo - by);
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] out, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            while (!done) {
                int available = available0();
                if (available > 0) {
                    int n = Math.min(available, len);
                    System.arraycopy(buffer, position, out, off, n);
                    position += n;
                    return n;
                }
                if (delimiterAt == position) {
                    done = true;
                } else if (!fill()) {
                    throw malformed("the body ends before the closing boundary");
                }
            }
            return -1;
        }

        void transferTo(OutputSink sink) throws IOException {
            byte[] chunk = new byte[8192];
            int n;
            while ((n = read(chunk, 0, chunk.length)) > 0) {
                sink.write(chunk, 0, n);
            }
        }

        /** Bytes readable now without passing a delimiter. */
        private int available0() {
            if (delimiterAt < 0) {
                int at = find(Math.max(position, clearUpTo));
                if (at >= 0) {
                    delimiterAt = at;
                } else {
                    clearUpTo = Math.max(position, limit - delimiter.length + 1);
                }
            }
            return (delimiterAt >= 0 ? delimiterAt : clearUpTo) - position;
        }

        @Override
        public int available() {
            return done ? 0 : Math.max(0, available0());
        }
    }

    /** The {@code name} and {@code filename} of a part's Content-Disposition. */
    record ContentDisposition(String name, String filename) {

        static ContentDisposition parse(String header) {
            if (header == null) {
                return new ContentDisposition(null, null);
            }
            String name = null;
            String filename = null;
            for (String parameter : splitParameters(header)) {
                int eq = parameter.indexOf('=');
                if (eq <= 0) {
                    continue;
                }
                String key = parameter.substring(0, eq).trim().toLowerCase(Locale.ROOT);
                String value = unescape(unquote(parameter.substring(eq + 1).trim()));
                if (key.equals("name")) {
                    name = value;
                } else if (key.equals("filename")) {
                    filename = value;
                }
            }
            return new ContentDisposition(name, filename);
        }

        /** Splits on semicolons outside quoted strings. */
        private static java.util.List<String> splitParameters(String header) {
            java.util.List<String> parts = new java.util.ArrayList<>();
            StringBuilder piece = new StringBuilder();
            boolean quoted = false;
            for (int i = 0; i < header.length(); i++) {
                char c = header.charAt(i);
                if (c == '"' && (i == 0 || header.charAt(i - 1) != '\\')) {
                    quoted = !quoted;
                }
                if (c == ';' && !quoted) {
                    parts.add(piece.toString());
                    piece.setLength(0);
                } else {
                    piece.append(c);
                }
            }
            parts.add(piece.toString());
            return parts;
        }

        private static String unescape(String value) {
            return value.replace("\\\"", "\"").replace("\\\\", "\\");
        }
    }
}
