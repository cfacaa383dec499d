package com.lakehouse.pathway.web;

import java.util.List;

/** The answer of {@code POST /pathway/search}, best first. */
public record SearchResponse(List<SearchHit> results) {
}
