package com.lakehouse.pathway.web;

import java.util.List;

/** {@code POST /pathway/search}. {@code mode} is {@code bm25} (the default and only mode). */
public record SearchRequest(String query, List<String> tags, Integer limit, String mode) {
}
