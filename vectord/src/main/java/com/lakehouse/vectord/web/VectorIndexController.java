package com.lakehouse.vectord.web;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.lakehouse.shared.auth.RequestActor;
import com.lakehouse.shared.error.FieldLimit;
import com.lakehouse.shared.error.InvalidRequestException;
import com.lakehouse.shared.storage.StorageKeys;
import com.lakehouse.vectord.VectordProperties;
import com.lakehouse.vectord.engine.Distance;
import com.lakehouse.vectord.engine.IndexSpec;
import com.lakehouse.vectord.engine.SearchHit;
import com.lakehouse.vectord.engine.StoredItem;
import com.lakehouse.vectord.engine.VectorItem;
import com.lakehouse.vectord.registry.IndexRegistry;
import com.lakehouse.vectord.registry.IndexSummary;
import com.lakehouse.vectord.registry.MergeResult;

/** The vectors routes of SPEC §7. Item ids may contain '/', so the item routes capture the rest of the path. */
@RestController
@RequestMapping("/vectors")
class VectorIndexController {

    private static final int MAX_EF = 10_000;

    private final IndexRegistry registry;
    private final VectordProperties properties;
    private final ItemLimits limits;

    VectorIndexController(IndexRegistry registry, VectordProperties properties) {
        this.registry = registry;
        this.properties = properties;
        this.limits = ItemLimits.of(properties);
    }

    @PostMapping("/index")
    ResponseEntity<IndexSummary> create(@RequestBody CreateIndexRequest body, HttpServletRequest request) throws IOException {
        if (body.dimension() == null) {
            throw new InvalidRequestException("dimension is required", Map.of("field", "dimension"));
        }
        if (body.dimension() > properties.maxDimension()) {
            throw new FieldLimit("dimension", properties.maxDimension(), "max_dimension")
                    .unprocessable("is " + body.dimension());
        }
        String distanceName = body.distance() == null ? "cosine" : body.distance();
        Distance distance = Distance.parse(distanceName)
                .orElseThrow(() -> new InvalidRequestException("distance must be one of cosine, l2, dot; got '" + distanceName + "'"));
        IndexSpec spec = new IndexSpec(body.name(), body.dimension(), distance,
                body.m() == null ? IndexSpec.DEFAULT_M : body.m(),
                body.efConstruction() == null ? IndexSpec.DEFAULT_EF_CONSTRUCTION : body.efConstruction());
        IndexSummary created = registry.create(spec, RequestActor.of(request));
        return ResponseEntity.created(URI.create("/vectors/index/" + StorageKeys.encodeComponent(spec.name()))).body(created);
    }

    @GetMapping("/index")
    IndexListResponse list() {
        return new IndexListResponse(registry.list());
    }

    @GetMapping("/index/{name}")
    IndexSummary get(@PathVariable String name) {
        return registry.get(name);
    }

    @DeleteMapping("/index/{name}")
    ResponseEntity<Void> delete(@PathVariable String name, HttpServletRequest request) throws IOException {
        registry.delete(name, RequestActor.of(request));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/index/{name}/add")
    AddResponse add(@PathVariable String name, @RequestBody AddRequest body, HttpServletRequest request) {
        List<VectorItem> items = BatchValidator.validate(body, registry.spec(name), limits);
        IndexRegistry.AddOutcome outcome = registry.add(name, items, RequestActor.of(request));
        return new AddResponse(outcome.added(), outcome.count());
    }

    @PostMapping("/index/{name}/search")
    SearchResponse search(@PathVariable String name, @RequestBody SearchRequest body) {
        IndexSpec spec = registry.spec(name);
        float[] query = BatchValidator.toFloats(body.vector(), spec, -1, null);
        if (body.filter() != null) {
            limits.checkKeyCount("filter", body.filter().size());
        }
        int k = body.k() == null ? 10 : body.k();
        if (k < 1 || k > properties.maxK()) {
            throw new InvalidRequestException("k must be between 1 and " + properties.maxK() + ", got " + k);
        }
        int ef = body.ef() == null ? properties.defaultEf() : body.ef();
        if (ef < 1 || ef > MAX_EF) {
            throw new InvalidRequestException("ef must be between 1 and " + MAX_EF + ", got " + ef);
        }
        List<SearchHit> hits = registry.search(name, query, k, ef, body.filter());
        return new SearchResponse(hits);
    }

    @GetMapping("/index/{name}/items/{*id}")
    ItemResponse item(@PathVariable String name, @PathVariable String id) {
        StoredItem item = registry.item(name, itemId(id));
        return new ItemResponse(item.id(), item.vector(), item.metadata());
    }

    @DeleteMapping("/index/{name}/items/{*id}")
    ResponseEntity<Void> deleteItem(@PathVariable String name, @PathVariable String id, HttpServletRequest request) {
        String itemId = itemId(id);
        limits.checkId("id", itemId);
        registry.deleteItem(name, itemId, RequestActor.of(request));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/index/{name}/merge")
    MergeResult merge(@PathVariable String name, @RequestBody MergeRequest body, HttpServletRequest request) {
        return registry.merge(name, body.dest(), body.clear(), RequestActor.of(request));
    }

    @GetMapping("/stats")
    Map<String, Object> stats() {
        return registry.stats();
    }

    /** {@code {*id}} captures the rest of the path with its leading slash. */
    private static String itemId(String captured) {
        String id = captured.startsWith("/") ? captured.substring(1) : captured;
        if (id.isEmpty()) {
            throw new InvalidRequestException("item id is required");
        }
        return id;
    }
}
