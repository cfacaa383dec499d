package com.lakehouse.pathway.web;

import java.util.List;

import tools.jackson.databind.JsonNode;

/** Body of add, update and revise: any JSON as content, and optional tags. */
public record TraceRequest(JsonNode content, List<String> tags) {
}
