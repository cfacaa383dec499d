package com.lakehouse.pathway;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import com.lakehouse.pathway.traces.TraceBounds;
import com.lakehouse.shared.fleet.FleetPorts;

/**
 * {@code [pathway]} of lakehouse.toml.
 *
 * @param bind          loopback address and port
 * @param dataDir       where the trace log lives
 * @param observerdUrl  where journal events go
 * @param fsync         force each acknowledged append to disk (group commit); false flushes to the OS only
 * @param defaultLimit  search results when the request names no limit
 * @param maxLimit      the most results one search returns
 * @param maxBodyBytes  request body cap
 * @param maxContentBytes  a trace's content as compact JSON, in UTF-8 bytes (413 past it)
 * @param maxContentDepth  nesting depth of a trace's content (422 past it)
 * @param maxTags       tags on one trace, and in one search filter (413 past it)
 * @param maxTagBytes   one tag, in UTF-8 bytes (413 past it); at most {@link TraceBounds#LUCENE_MAX_TERM_BYTES}
 * @param maxQueryBytes a search query, in UTF-8 bytes (413 past it)
 */
@ConfigurationProperties("lakehouse.pathway")
public record PathwayProperties(
        @DefaultValue(FleetPorts.PATHWAY_BIND) String bind,
        @DefaultValue("data/pathway") Path dataDir,
        @DefaultValue(FleetPorts.OBSERVERD_URL) String observerdUrl,
        @DefaultValue("true") boolean fsync,
        @DefaultValue("10") int defaultLimit,
        @DefaultValue("100") int maxLimit,
        @DefaultValue("1048576") long maxBodyBytes,
        @DefaultValue("262144") int maxContentBytes,
        @DefaultValue("32") int maxContentDepth,
        @DefaultValue("64") int maxTags,
        @DefaultValue("256") int maxTagBytes,
        @DefaultValue("4096") int maxQueryBytes) {

    public PathwayProperties {
        if (maxContentBytes < 1 || maxContentDepth < 1 || maxTags < 1 || maxTagBytes < 1 || maxQueryBytes < 1) {
            throw new IllegalStateException("[pathway] max_content_bytes, max_content_depth, max_tags, max_tag_bytes and"
                    + " max_query_bytes must be at least 1");
        }
        if (maxTagBytes > TraceBounds.LUCENE_MAX_TERM_BYTES) {
            throw new IllegalStateException("[pathway] max_tag_bytes must be at most " + TraceBounds.LUCENE_MAX_TERM_BYTES
                    + " (the search index's longest term), was " + maxTagBytes);
        }
    }

    /** The bounds of every field of a trace mutation and a search. */
    public TraceBounds bounds() {
        return new TraceBounds(maxContentBytes, maxContentDepth, maxTags, maxTagBytes, maxQueryBytes);
    }
}
