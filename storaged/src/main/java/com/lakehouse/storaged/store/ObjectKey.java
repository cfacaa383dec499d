package com.lakehouse.storaged.store;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.lakehouse.shared.error.FieldLimit;
import com.lakehouse.shared.error.InvalidRequestException;
import com.lakehouse.shared.text.Utf8;

/**
 * An object key as SPEC §3 allows it: 1–1024 bytes of UTF-8, '/'-separated, no empty, '.' or '..'
 * segment, no leading '/', no control characters. Anything else is refused before S3 sees it, so
 * a key means the same thing on every S3-compatible server.
 */
public record ObjectKey(String value) {

    public static final int MAX_BYTES = 1024;

    public ObjectKey {
        validate(value);
    }

    /**
     * The key from the raw (still percent-encoded) path after the route prefix. The servlet
     * container's decoded path would lose the difference between '+' and ' ' in some setups and
     * normalise '.' segments away, so the bytes are decoded here exactly once: {@code %XX} becomes
     * that byte, everything else (including '+') stays itself.
     */
    public static ObjectKey fromRawPath(String rawPath) {
        return new ObjectKey(percentDecode(rawPath));
    }

    static String percentDecode(String raw) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length()) {
                    throw invalid("key has a truncated percent escape");
                }
                int high = Character.digit(raw.charAt(i + 1), 16);
                int low = Character.digit(raw.charAt(i + 2), 16);
                if (high < 0 || low < 0) {
                    throw invalid("key has an invalid percent escape");
                }
                bytes.write(high << 4 | low);
                i += 2;
            } else {
                // Clients should encode non-ASCII, but a raw UTF-8 key (emoji included) is taken as it came.
                int codePoint = raw.codePointAt(i);
                byte[] encoded = Character.toString(codePoint).getBytes(StandardCharsets.UTF_8);
                bytes.write(encoded, 0, encoded.length);
                i += Character.charCount(codePoint) - 1;
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            throw invalid("key is not valid UTF-8");
        }
    }

    /** Refuses (400) a key, or a list's prefix or after, longer than {@link #MAX_BYTES} in UTF-8. */
    public static void checkBytes(String field, String value) {
        int length = Utf8.length(value);
        if (length > MAX_BYTES) {
            throw new FieldLimit(field, MAX_BYTES, null).invalid("is " + length + " bytes", Map.of("max_bytes", MAX_BYTES));
        }
    }

    /** Refuses a key SPEC §3 does not allow; the message says which rule it broke. */
    public static void validate(String key) {
        if (key == null || key.isEmpty()) {
            throw invalid("key is empty");
        }
        checkBytes("key", key);
        if (key.startsWith("/")) {
            throw invalid("key must not start with '/'");
        }
        if (key.codePoints().anyMatch(Character::isISOControl)) {
            throw invalid("key must not contain control characters");
        }
        for (String segment : key.split("/", -1)) {
            if (segment.isEmpty()) {
                throw invalid("key must not have an empty segment");
            }
            if (segment.equals(".") || segment.equals("..")) {
                throw invalid("key must not have a '" + segment + "' segment");
            }
        }
    }

    private static InvalidRequestException invalid(String message) {
        return new InvalidRequestException(message, Map.of("field", "key"));
    }

    @Override
    public String toString() {
        return value;
    }
}
