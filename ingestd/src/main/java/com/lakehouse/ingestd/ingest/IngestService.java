package com.lakehouse.ingestd.ingest;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import com.lakehouse.ingestd.convert.ParquetConverter;
import com.lakehouse.ingestd.csv.CsvProfile;
import com.lakehouse.shared.catalog.CatalogClient;
import com.lakehouse.shared.catalog.DataObject;
import com.lakehouse.shared.catalog.DatasetManifest;
import com.lakehouse.shared.catalog.RegisterRequest;
import com.lakehouse.shared.catalog.RegisterResponse;
import com.lakehouse.shared.catalog.SchemaColumn;
import com.lakehouse.shared.catalog.SchemaFingerprint;
import com.lakehouse.shared.error.ConflictException;
import com.lakehouse.shared.error.NotFoundException;
import com.lakehouse.shared.journal.JournalClient;
import com.lakehouse.shared.storage.StorageClient;
import com.lakehouse.shared.storage.StoredObject;

/**
 * From a spooled, checked CSV to a registered dataset version (SPEC §5): convert to Parquet unless
 * the same content is already stored (or take the Parquet the upload's stream already made), put
 * it at its content address, register it, journal it.
 *
 * <p>The key {@code datasets/<name>/<fingerprint>/<sha256 of the CSV>.parquet} is a content
 * address, so an upload never overwrites another file's data, and a failed register (409 on a
 * schema change, or catalogd down) removes only an object this ingest wrote and no version uses.
 */
public class IngestService {

    private static final Log LOG = LogFactory.getLog(IngestService.class);

    private final ParquetConverter converter;
    private final StorageClient storage;
    private final CatalogClient catalog;
    private final IngestJournal journal;
    private final DatasetLocks locks = new DatasetLocks(256);

    public IngestService(ParquetConverter converter, StorageClient storage, CatalogClient catalog, JournalClient journal) {
        this.converter = converter;
        this.storage = storage;
        this.catalog = catalog;
        this.journal = new IngestJournal(journal);
    }

    /**
     * Ingests one spooled file.
     *
     * <p>Ingests of one dataset run side by side (issue 21: a dataset with many small appends took
     * them one at a time); only ingests of the same bytes into the same dataset wait for each other,
     * since they share the content-addressed key whose upload, register and clean-up must not
     * interleave. The dataset's schema is read before the conversion and checked again at commit:
     * catalogd's register refuses (409) a fingerprint other than the current one, atomically. A 409
     * met after the dataset changed since the read (another ingest created it or changed its types)
     * is answered by converting again against the dataset as it now is, once.
     *
     * @param parquet where the converted file may be written (scratch space of this ingest)
     * @param actor   the caller, for the journal
     * @param clock   times the phases for the ingest's log line
     */
    public IngestResult ingest(String name, IngestMode mode, SpooledCsv csv, Path parquet, String actor, PhaseClock clock) {
        try (DatasetLocks.Held held = locks.lock(name + "/" + csv.sha256())) {
            clock.lap("wait");
            Optional<DatasetManifest> before = currentManifest(name);
            try {
                return ingestAgainst(before, name, mode, csv, parquet, actor, clock);
            } catch (ConflictException e) {
                Optional<DatasetManifest> now = currentManifest(name);
                if (sameVersion(before, now)) {
                    throw e;
                }
                LOG.info("ingest of '" + name + "': the dataset changed during the conversion; converting again against version "
                        + now.map(DatasetManifest::version).orElse(0L));
                return ingestAgainst(now, name, mode, csv, parquet, actor, clock);
            }
        }
    }

    private IngestResult ingestAgainst(Optional<DatasetManifest> before, String name, IngestMode mode, SpooledCsv csv,
            Path parquet, String actor, PhaseClock clock) {
        Placement placement = place(name, csv, parquet, before, clock);
        if (placement.alreadyLive() && mode == IngestMode.APPEND) {
            // Appending an object the live version already holds would change nothing.
            DatasetManifest live = before.orElseThrow();
            return record(new IngestResult(response(live, placement, true), false), before, actor);
        }
        RegisterResponse registered = register(name, mode, placement);
        clock.lap("register");
        boolean existing = registered.unchanged();
        boolean created = RegisterResponse.CREATED.equals(registered.outcome());
        return record(new IngestResult(response(registered.manifest(), placement, existing), created), before, actor);
    }

    private static boolean sameVersion(Optional<DatasetManifest> a, Optional<DatasetManifest> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return a.isEmpty() && b.isEmpty();
        }
        return a.get().datasetId().equals(b.get().datasetId()) && a.get().schemaFingerprint().equals(b.get().schemaFingerprint())
                && a.get().schema().equals(b.get().schema());
    }

    /** Finds or makes the Parquet object for the file. */
    private Placement place(String name, SpooledCsv csv, Path parquet, Optional<DatasetManifest> before, PhaseClock clock) {
        // Into an existing dataset the file is read with the dataset's types when they differ from its own.
        Optional<CsvProfile> aligned = before.flatMap(m -> SchemaAlignment.toExisting(name, csv.profile(), m.schema()));
        CsvProfile profile = aligned.orElse(csv.profile());
        String scannedKey = keyOf(name, profile, csv.sha256());
        Optional<DataObject> live = before.flatMap(m -> objectIn(m, scannedKey));
        if (live.isPresent()) {
            return new Placement(profile, scannedKey, live.get(), false, true);
        }
        String key = scannedKey;
        Optional<StoredObject> stored = storage.head(key);
        if (stored.isPresent()) {
            // Same bytes, same schema: a conversion would make the same object; an older version may use it.
            return new Placement(profile, key, stored(key, stored.get(), profile), false, false);
        }
        clock.lap("lookup");
        // The conversion that ran during the upload, if it converted this very profile; else convert now.
        if (aligned.isPresent()) {
            converter.convertExactly(csv.file(), profile, parquet);
            clock.lap("convert");
            StoredObject put = storage.put(key, parquet);
            clock.lap("put");
            return new Placement(profile, key, new DataObject(key, put.size(), put.etag(), profile.rows()), true, false);
        }
        Optional<Path> streamed = csv.streamedParquet();
        Path file = streamed.orElse(parquet);
        CsvProfile converted = streamed.isPresent() ? profile : converter.convert(csv.file(), profile, parquet);
        clock.lap(streamed.isPresent() ? "stream" : "convert");
        if (!converted.equals(profile)) {
            key = keyOf(name, converted, csv.sha256());
            stored = storage.head(key);
            if (stored.isPresent()) {
                return new Placement(converted, key, stored(key, stored.get(), converted), false, false);
            }
        }
        StoredObject put = storage.put(key, file);
        clock.lap("put");
        return new Placement(converted, key, new DataObject(key, put.size(), put.etag(), converted.rows()), true, false);
    }

    private RegisterResponse register(String name, IngestMode mode, Placement placement) {
        List<SchemaColumn> schema = placement.profile().schema();
        RegisterRequest request = new RegisterRequest(name, SchemaFingerprint.of(schema), schema,
                List.of(placement.object()), mode.wire());
        try {
            return catalog.register(request);
        } catch (RuntimeException e) {
            if (placement.uploaded()) {
                discardIfUnreferenced(name, placement.key());
            }
            throw e;
        }
    }

    /**
     * Deletes an object this ingest uploaded, unless some version of the dataset refers to it (a
     * register that timed out may still have landed). When catalogd cannot say, the object stays:
     * an unreferenced object is harmless, a deleted live one is not.
     */
    private void discardIfUnreferenced(String name, String key) {
        List<DatasetManifest> versions;
        try {
            versions = catalog.versions(name).versions();
        } catch (NotFoundException e) {
            versions = List.of();
        } catch (RuntimeException e) {
            LOG.warn("register of '" + name + "' failed and catalogd cannot list its versions; keeping " + key);
            return;
        }
        boolean referenced = versions.stream().anyMatch(v -> objectIn(v, key).isPresent());
        if (referenced) {
            return;
        }
        try {
            storage.delete(key);
        } catch (RuntimeException e) {
            LOG.warn("cannot delete unregistered object " + key + ": " + e.getMessage());
        }
    }

    private Optional<DatasetManifest> currentManifest(String name) {
        try {
            return Optional.of(catalog.manifest(name));
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    private IngestResult record(IngestResult result, Optional<DatasetManifest> before, String actor) {
        journal.ingested(result.response(), before, actor);
        IngestResponse r = result.response();
        LOG.info("ingested '" + r.name() + "' version " + r.version() + (r.existing() ? " (existing)" : "") + ": "
                + r.rowCount() + " rows, " + r.schema().size() + " columns, " + r.bytes() + " Parquet bytes");
        return result;
    }

    private static IngestResponse response(DatasetManifest manifest, Placement placement, boolean existing) {
        return new IngestResponse(manifest.datasetId(), manifest.name(), manifest.version(), placement.object().rowCount(),
                manifest.schema(), manifest.schemaFingerprint(), placement.key(), placement.object().size(), existing);
    }

    static String keyOf(String name, CsvProfile profile, String sha256) {
        return "datasets/" + name + "/" + SchemaFingerprint.of(profile.schema()) + "/" + sha256 + ".parquet";
    }

    private static Optional<DataObject> objectIn(DatasetManifest manifest, String key) {
        return manifest.objects().stream().filter(o -> o.key().equals(key)).findFirst();
    }

    private static DataObject stored(String key, StoredObject stored, CsvProfile profile) {
        return new DataObject(key, stored.size(), stored.etag(), profile.rows());
    }

    /** Where the file's Parquet is, and whether this ingest wrote it or found it live. */
    private record Placement(CsvProfile profile, String key, DataObject object, boolean uploaded, boolean alreadyLive) {
    }

    /**
     * An ingest's answer and whether it created the dataset (201) rather than changing or
     * confirming it (200).
     */
    public record IngestResult(IngestResponse response, boolean created) {
    }
}
