package com.lakehouse.shared.config;

/** A configuration file that exists but cannot be used; the message names the file and the line. */
public class ConfigFileException extends RuntimeException {

    public ConfigFileException(String message) {
        super(message);
    }
}
