package com.lakehouse.shared.web;

import java.io.IOException;

/** Raised while reading a body that has passed its cap; an IOException so it can leave InputStream.read. */
public class RequestBodyTooLargeException extends IOException {

    public RequestBodyTooLargeException(long limit) {
        super("request body exceeds the limit of " + limit + " bytes");
    }
}
