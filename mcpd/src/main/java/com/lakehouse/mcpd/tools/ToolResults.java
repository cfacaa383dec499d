package com.lakehouse.mcpd.tools;

import java.util.Map;

import io.modelcontextprotocol.spec.McpSchema;

/** The two shapes a tool answers: a structured result with its text rendering, or an error line. */
public final class ToolResults {

    private ToolResults() {
    }

    /** {@code structuredContent} for programs plus a text block for the model (and older clients). */
    public static McpSchema.CallToolResult structured(String text, Map<String, Object> structured) {
        return McpSchema.CallToolResult.builder()
                .addTextContent(text)
                .structuredContent(structured)
                .isError(false)
                .build();
    }

    /** A failed call: {@code isError: true} and one readable line. */
    public static McpSchema.CallToolResult error(String reason) {
        return McpSchema.CallToolResult.builder()
                .addTextContent(reason)
                .isError(true)
                .build();
    }
}
