package com.lakehouse.pathway.traces;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.SortedNumericDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.SortedNumericSortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexInput;
import org.apache.lucene.store.IndexOutput;

import tools.jackson.databind.JsonNode;

/**
 * BM25 ranking over the live (non-retired) traces: the text values of the content and the tags
 * (tags weigh double), in an in-memory Lucene index rebuilt from the log at startup (or restored
 * from a {@link TraceSnapshot} and brought up to date from the log's suffix). Retired
 * traces are removed from it, so search can never return them.
 */
public final class TraceSearchIndex implements Closeable {

    private static final String UID = "uid";
    private static final String TEXT = "text";
    private static final String TAG_TEXT = "tag_text";
    private static final String TAG = "tag";
    private static final String SEQ = "seq";

    private final Analyzer analyzer = new StandardAnalyzer();
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private long sequence;

    /** One search result before it is joined back to the stored trace. */
    record Match(String uid, float score) {
    }

    /** The files of the index's last commit and the sequence number of its newest document. */
    record Image(Map<String, byte[]> files, long sequence) {
    }

    public TraceSearchIndex() {
        try {
            writer = new IndexWriter(new ByteBuffersDirectory(), new IndexWriterConfig(analyzer));
            searchers = new SearcherManager(writer, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Adds or replaces the trace's document (callers serialise writes). */
    void put(Trace trace, JsonNode content) {
        try {
            writer.updateDocument(new Term(UID, trace.uid()), document(trace, content));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Adds a document known to be new: the bulk load at startup, where uids are unique. */
    void putNew(Trace trace, JsonNode content) {
        try {
            writer.addDocument(document(trace, content));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Document document(Trace trace, JsonNode content) {
        Document doc = new Document();
        doc.add(new StringField(UID, trace.uid(), Field.Store.YES));
        doc.add(new TextField(TEXT, textOf(content), Field.Store.NO));
        doc.add(new TextField(TAG_TEXT, String.join(" ", trace.tags()), Field.Store.NO));
        for (String tag : trace.tags()) {
            doc.add(new StringField(TAG, tag, Field.Store.NO));
        }
        doc.add(new SortedNumericDocValuesField(SEQ, ++sequence));
        return doc;
    }

    /** Commits the index and copies out its files (callers serialise writes), for a snapshot. */
    Image image() {
        try {
            writer.commit();
            Directory directory = writer.getDirectory();
            Map<String, byte[]> files = new LinkedHashMap<>();
            for (String name : SegmentInfos.readLatestCommit(directory).files(true)) {
                try (IndexInput in = directory.openInput(name, IOContext.READONCE)) {
                    byte[] bytes = new byte[Math.toIntExact(in.length())];
                    in.readBytes(bytes, 0, bytes.length);
                    files.put(name, bytes);
                }
            }
            return new Image(files, sequence);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Loads a snapshot's index into this empty one: its segments are added as they are, deleted
     * documents and document order included, so ranking is what it was when the snapshot was taken.
     */
    void restore(Image image) {
        try (Directory snapshot = new ByteBuffersDirectory()) {
            for (Map.Entry<String, byte[]> file : image.files().entrySet()) {
                try (IndexOutput out = snapshot.createOutput(file.getKey(), IOContext.DEFAULT)) {
                    out.writeBytes(file.getValue(), file.getValue().length);
                }
            }
            writer.addIndexes(snapshot);
            sequence = image.sequence();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Drops every document (a snapshot that could not be loaded after all). */
    void clear() {
        try {
            writer.deleteAll();
            sequence = 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void remove(String uid) {
        try {
            writer.deleteDocuments(new Term(UID, uid));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Most relevant first; every tag in {@code tags} must be present. A blank query lists the
     * tagged (or all) traces, newest first.
     */
    List<Match> search(String query, List<String> tags, int limit) {
        BooleanQuery.Builder builder = new BooleanQuery.Builder();
        boolean ranked = query != null && !query.isBlank();
        if (ranked) {
            builder.add(textQuery(query), BooleanClause.Occur.MUST);
        } else {
            builder.add(new MatchAllDocsQuery(), BooleanClause.Occur.MUST);
        }
        for (String tag : tags) {
            builder.add(new TermQuery(new Term(TAG, tag)), BooleanClause.Occur.FILTER);
        }
        try {
            searchers.maybeRefreshBlocking();
            IndexSearcher searcher = searchers.acquire();
            try {
                TopDocs top = ranked ? searcher.search(builder.build(), limit)
                        : searcher.search(builder.build(), limit, new Sort(new SortedNumericSortField(SEQ, SortField.Type.LONG, true)));
                List<Match> matches = new ArrayList<>(top.scoreDocs.length);
                var stored = searcher.storedFields();
                for (ScoreDoc hit : top.scoreDocs) {
                    matches.add(new Match(stored.document(hit.doc).get(UID), ranked ? hit.score : 0f));
                }
                return matches;
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Query textQuery(String query) {
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        for (String token : tokens(query)) {
            any.add(new TermQuery(new Term(TEXT, token)), BooleanClause.Occur.SHOULD);
            any.add(new org.apache.lucene.search.BoostQuery(new TermQuery(new Term(TAG_TEXT, token)), 2f), BooleanClause.Occur.SHOULD);
        }
        return any.build();
    }

    private List<String> tokens(String text) {
        List<String> out = new ArrayList<>();
        try (var stream = analyzer.tokenStream(TEXT, text)) {
            var term = stream.addAttribute(org.apache.lucene.analysis.tokenattributes.CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                out.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** The words of a JSON value: string and number values, at any depth (keys are structure, not memory). */
    static String textOf(JsonNode node) {
        StringBuilder out = new StringBuilder();
        collect(node, out);
        return out.toString();
    }

    private static void collect(JsonNode node, StringBuilder out) {
        if (node == null || node.isNull()) {
            return;
        }
        if (node.isContainer()) {
            for (JsonNode child : node.values()) {
                collect(child, out);
            }
        } else {
            out.append(node.asString()).append(' ');
        }
    }

    @Override
    public void close() throws IOException {
        searchers.close();
        writer.close();
    }
}
