package com.lakehouse.catalogd.web;

import java.util.List;

import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.rest.Endpoint;
import org.apache.iceberg.rest.responses.ConfigResponse;
import org.apache.iceberg.rest.responses.GetNamespaceResponse;
import org.apache.iceberg.rest.responses.ListNamespacesResponse;
import org.apache.iceberg.rest.responses.ListTablesResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jakarta.servlet.http.HttpServletRequest;

import com.lakehouse.catalogd.catalog.Catalog;
import com.lakehouse.catalogd.iceberg.IcebergCatalogView;
import com.lakehouse.catalogd.iceberg.IcebergJson;

/**
 * The read side of the Iceberg REST Catalog API (apache/iceberg {@code open-api/rest-catalog-open-api.yaml})
 * under {@code /iceberg}, reached through the gateway as {@code /v1/iceberg}, the URI engines are
 * given. Bodies are Iceberg's own request/response types through Iceberg's serializers; every
 * route the config does not list answers 406, the spec's "unsupported operation".
 */
@RestController
@RequestMapping("/iceberg")
class IcebergRestController {

    /** What {@code GET /v1/config} advertises, so clients never try the rest. */
    static final List<Endpoint> ENDPOINTS = List.of(Endpoint.V1_LIST_NAMESPACES, Endpoint.V1_LOAD_NAMESPACE,
            Endpoint.V1_NAMESPACE_EXISTS, Endpoint.V1_LIST_TABLES, Endpoint.V1_LOAD_TABLE, Endpoint.V1_TABLE_EXISTS);

    private final IcebergCatalogView view;

    IcebergRestController(IcebergCatalogView view) {
        this.view = view;
    }

    @GetMapping("/v1/config")
    ResponseEntity<String> config() {
        return json(ConfigResponse.builder().withEndpoints(ENDPOINTS).build());
    }

    @GetMapping("/v1/namespaces")
    ResponseEntity<String> namespaces(@RequestParam(required = false) String parent) {
        ListNamespacesResponse.Builder response = ListNamespacesResponse.builder();
        if (parent == null || parent.isEmpty()) {
            response.add(view.namespace());
        } else {
            view.requireNamespace(levels(parent)); // it exists and has no children
        }
        return json(response.build());
    }

    @GetMapping("/v1/namespaces/{namespace}")
    ResponseEntity<String> loadNamespace(@PathVariable("namespace") String namespace) {
        Namespace ns = view.requireNamespace(levels(namespace));
        return json(GetNamespaceResponse.builder().withNamespace(ns).build());
    }

    @RequestMapping(value = "/v1/namespaces/{namespace}", method = RequestMethod.HEAD)
    ResponseEntity<Void> namespaceExists(@PathVariable("namespace") String namespace) {
        view.requireNamespace(levels(namespace));
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/v1/namespaces/{namespace}/tables")
    ResponseEntity<String> tables(@PathVariable("namespace") String namespace) {
        return json(ListTablesResponse.builder().addAll(view.tables(levels(namespace))).build());
    }

    @GetMapping("/v1/namespaces/{namespace}/tables/{table}")
    ResponseEntity<String> loadTable(@PathVariable("namespace") String namespace, @PathVariable("table") String table) {
        return json(view.load(levels(namespace), table));
    }

    @RequestMapping(value = "/v1/namespaces/{namespace}/tables/{table}", method = RequestMethod.HEAD)
    ResponseEntity<Void> tableExists(@PathVariable("namespace") String namespace, @PathVariable("table") String table) {
        boolean exists = view.exists(levels(namespace), table);
        return ResponseEntity.status(exists ? HttpStatus.NO_CONTENT : HttpStatus.NOT_FOUND).build();
    }

    /** Everything else under the catalog's URI: writes, views, scan planning, credentials, OAuth. */
    @RequestMapping("/**")
    ResponseEntity<String> unsupported(HttpServletRequest request) {
        throw new UnsupportedOperationException("the Lakehouse's Iceberg catalog is read-only and does not serve "
                + request.getMethod() + " " + request.getRequestURI().substring("/iceberg".length()));
    }

    /** Namespace levels travel joined by the unit separator (0x1F), already percent-decoded here. */
    private static Namespace levels(String levels) {
        return Namespace.of(levels.split("\u001f", -1));
    }

    private static ResponseEntity<String> json(Object response) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(IcebergJson.write(response));
    }
}
