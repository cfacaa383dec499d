package com.lakehouse.embedd.web;

import java.util.List;

/** {@code POST /embed} body: {@code {"texts":[...],"model":"optional"}}. */
public record EmbedRequest(List<String> texts, String model) {
}
