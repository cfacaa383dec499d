package com.lakehouse.embedd.embedding;

/**
 * One model a provider offers: the name requests use, the length of its vectors, and which
 * provider runs it ({@code local} or {@code ollama}).
 */
public record ModelInfo(String name, int dimension, String provider) {
}
