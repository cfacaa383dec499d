package com.lakehouse.shared.auth;

/** The {@code [auth]} settings cannot be used (SPEC §2.3); the service refuses to start with this message. */
public class AuthConfigException extends IllegalStateException {

    public AuthConfigException(String message) {
        super(message);
    }
}
