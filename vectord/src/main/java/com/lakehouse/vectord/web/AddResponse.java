package com.lakehouse.vectord.web;

/** POST /vectors/index/{name}/add: how many items the batch added and the index now holds. */
public record AddResponse(int added, int count) {
}
