package com.lakehouse.storaged.store;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One satisfiable byte range of an object, inclusive at both ends (RFC 9110 §14.1.2).
 *
 * @param first offset of the first byte
 * @param last  offset of the last byte
 */
public record ByteRange(long first, long last) {

    private static final Pattern SINGLE = Pattern.compile("bytes=\\s*(\\d*)\\s*-\\s*(\\d*)\\s*");

    public long length() {
        return last - first + 1;
    }

    /** The header value {@code bytes first-last/size}. */
    public String contentRange(long size) {
        return "bytes " + first + "-" + last + "/" + size;
    }

    /** The range as S3 wants it, absolute at both ends. */
    public String header() {
        return "bytes=" + first + "-" + last;
    }

    /**
     * Parses a {@code Range} header. Empty means "serve the whole object": RFC 9110 lets a server
     * ignore a header it does not understand, a multi-range request, or a syntactically invalid one.
     */
    public static Optional<Request> parse(String header) {
        if (header == null) {
            return Optional.empty();
        }
        Matcher m = SINGLE.matcher(header.strip());
        if (!m.matches() || (m.group(1).isEmpty() && m.group(2).isEmpty())) {
            return Optional.empty();
        }
        try {
            Long first = m.group(1).isEmpty() ? null : Long.parseLong(m.group(1));
            Long last = m.group(2).isEmpty() ? null : Long.parseLong(m.group(2));
            if (first != null && last != null && last < first) {
                return Optional.empty();
            }
            return Optional.of(new Request(first, last));
        } catch (NumberFormatException e) {
            return Optional.empty(); // digits beyond a long: no object is that large, ignore the header
        }
    }

    /**
     * A parsed range before the object's size is known: {@code bytes=a-b}, {@code bytes=a-} or the
     * suffix form {@code bytes=-n} (first is null).
     */
    public record Request(Long first, Long last) {

        /** The bytes this asks for in an object of {@code size} bytes; empty when unsatisfiable (416). */
        public Optional<ByteRange> resolve(long size) {
            if (first == null) {
                if (last == 0 || size == 0) {
                    return Optional.empty();
                }
                return Optional.of(new ByteRange(Math.max(0, size - last), size - 1));
            }
            if (first >= size) {
                return Optional.empty();
            }
            long end = last == null ? size - 1 : Math.min(last, size - 1);
            return Optional.of(new ByteRange(first, end));
        }
    }
}
