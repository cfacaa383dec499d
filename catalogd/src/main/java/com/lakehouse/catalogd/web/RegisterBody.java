package com.lakehouse.catalogd.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

import com.lakehouse.catalogd.catalog.RegisterBound;
import com.lakehouse.catalogd.catalog.RegisterLimits;
import com.lakehouse.catalogd.catalog.Registration;
import com.lakehouse.shared.catalog.RegisterRequest;
import com.lakehouse.shared.error.InvalidRequestException;
import com.lakehouse.shared.error.PayloadTooLargeException;
import com.lakehouse.shared.http.LakehouseJson;
import com.lakehouse.shared.web.RequestBodyTooLargeException;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a register body within its bounds (issue 21): the bytes (at most {@code max_body_bytes},
 * counted by the shared body cap as they arrive), then a streaming pass that counts the
 * {@code objects} and {@code schema} arrays and refuses one past {@code max_objects} (413) or
 * {@code max_columns} (422) before any record is built; only then the body is bound.
 */
final class RegisterBody {

    private final JsonMapper json = LakehouseJson.mapper();
    private final RegisterLimits limits;

    RegisterBody(RegisterLimits limits) {
        this.limits = limits;
    }

    RegisterRequest read(InputStream in) {
        byte[] body;
        try {
            body = in.readAllBytes();
        } catch (RequestBodyTooLargeException e) {
            // A cap on the whole body, not on one field's value: no FieldLimit (its limit is in the message).
            throw new PayloadTooLargeException(e.getMessage() + " ([catalogd] max_body_bytes)",
                    Map.of("field", "body", "limit_key", "[catalogd] max_body_bytes"));
        } catch (IOException e) {
            throw new InvalidRequestException("the register body could not be read: " + e.getClass().getSimpleName());
        }
        if (body.length == 0) {
            throw new InvalidRequestException("a register needs a JSON body");
        }
        try {
            countArrays(body);
            return json.readValue(body, RegisterRequest.class);
        } catch (JacksonException e) {
            throw new InvalidRequestException("the register body is not a valid register request: " + e.getOriginalMessage());
        }
    }

    /** One pass over the tokens, no records built: the sizes of the top-level {@code objects} and {@code schema}. */
    private void countArrays(byte[] body) {
        try (JsonParser parser = json.createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new InvalidRequestException("a register body is a JSON object");
            }
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if (value == JsonToken.START_ARRAY && (field.equals("objects") || field.equals("schema"))) {
                    long count = 0;
                    while (parser.nextToken() != JsonToken.END_ARRAY) {
                        count++;
                        parser.skipChildren();
                        check(field, count);
                    }
                } else {
                    parser.skipChildren();
                }
            }
        }
    }

    private void check(String field, long count) {
        if (field.equals("objects") && count > limits.maxObjects()) {
            throw Registration.tooManyObjects(count, limits);
        }
        if (field.equals("schema") && count > limits.maxColumns()) {
            throw new RegisterBound("schema", limits.maxColumns(), "max_columns")
                    .unprocessable("has more than " + limits.maxColumns() + " columns");
        }
    }
}
