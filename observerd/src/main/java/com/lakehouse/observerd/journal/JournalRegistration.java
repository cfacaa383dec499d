package com.lakehouse.observerd.journal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import tools.jackson.core.type.TypeReference;

import com.lakehouse.shared.catalog.CatalogClient;
import com.lakehouse.shared.catalog.DataObject;
import com.lakehouse.shared.catalog.DatasetManifest;
import com.lakehouse.shared.catalog.RegisterRequest;
import com.lakehouse.shared.catalog.SchemaColumn;
import com.lakehouse.shared.catalog.SchemaFingerprint;
import com.lakehouse.shared.error.NotFoundException;
import com.lakehouse.shared.http.LakehouseJson;

/**
 * Makes stored journal files part of the catalog dataset {@code lakehouse_journal} (mode append).
 * A stored file is remembered in {@code journal-unregistered.json} until catalogd has it, so a
 * catalogd outage (or a crash) delays the registration and never loses it; the WAL segment the file
 * came from is already gone by then, its events safe in storage. catalogd does not journal this
 * dataset, so flushing never feeds the journal it flushes.
 */
public class JournalRegistration {

    static final String STATE_FILE = "journal-unregistered.json";

    private final CatalogClient catalog;
    private final Path stateFile;
    private final List<SchemaColumn> schema = JournalSchema.columns();
    private final String fingerprint = SchemaFingerprint.of(schema);
    private final Map<String, DataObject> pending = new LinkedHashMap<>();

    public JournalRegistration(CatalogClient catalog, Path dataDir) {
        this.catalog = catalog;
        this.stateFile = dataDir.resolve(STATE_FILE);
    }

    /** Loads the files a previous run stored but did not register. */
    public synchronized void load() throws IOException {
        if (Files.exists(stateFile)) {
            List<DataObject> saved = LakehouseJson.mapper().readValue(Files.readAllBytes(stateFile),
                    new TypeReference<List<DataObject>>() { });
            saved.forEach(o -> pending.put(o.key(), o));
        }
    }

    /** Remembers a stored file durably, before its WAL segment is dropped. */
    public synchronized void add(DataObject object) throws IOException {
        pending.put(object.key(), object);
        save();
    }

    public synchronized int pendingCount() {
        return pending.size();
    }

    /**
     * Registers what is pending. Files catalogd already lists (a registration whose answer was lost)
     * are not sent again, so append never lists a file twice.
     *
     * @return how many files were newly registered
     */
    public synchronized int registerPending() throws IOException {
        if (pending.isEmpty()) {
            return 0;
        }
        Set<String> present = registeredKeys();
        List<DataObject> missing = new ArrayList<>();
        for (DataObject object : pending.values()) {
            if (!present.contains(object.key())) {
                missing.add(object);
            }
        }
        if (!missing.isEmpty()) {
            catalog.register(new RegisterRequest(JournalSchema.DATASET, fingerprint, schema, missing, "append"));
        }
        pending.clear();
        save();
        return missing.size();
    }

    private Set<String> registeredKeys() {
        try {
            DatasetManifest manifest = catalog.manifest(JournalSchema.DATASET);
            return manifest.objects().stream().map(DataObject::key).collect(Collectors.toSet());
        } catch (NotFoundException e) {
            return Set.of();
        }
    }

    private void save() throws IOException {
        Path temp = stateFile.resolveSibling(STATE_FILE + ".tmp");
        try (FileChannel out = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer bytes = ByteBuffer.wrap(LakehouseJson.mapper().writeValueAsBytes(List.copyOf(pending.values())));
            while (bytes.hasRemaining()) {
                out.write(bytes);
            }
            out.force(true);
        }
        Files.move(temp, stateFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
