package com.lakehouse.mcpd.tools;

import io.modelcontextprotocol.spec.McpSchema;

/** Hints a client shows or uses to decide whether to ask before calling a tool. */
final class ToolAnnotationsFor {

    private ToolAnnotationsFor() {
    }

    /** Reads only; calling it again changes nothing. */
    static McpSchema.ToolAnnotations readOnly(String title) {
        return new McpSchema.ToolAnnotations(title, true, false, true, false, null);
    }

    /** Adds data but never removes or overwrites any. */
    static McpSchema.ToolAnnotations additive(String title) {
        return new McpSchema.ToolAnnotations(title, false, false, false, false, null);
    }
}
