package com.lakehouse.mcpd.tools;

/** Arguments a tool cannot use; the message tells the model what to pass instead. */
public class ToolInputException extends RuntimeException {

    public ToolInputException(String message) {
        super(message);
    }
}
