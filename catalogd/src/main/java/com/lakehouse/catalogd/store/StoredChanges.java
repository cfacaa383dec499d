package com.lakehouse.catalogd.store;

import java.util.Optional;

import com.lakehouse.catalogd.catalog.CatalogChange;
import com.lakehouse.catalogd.catalog.RegisterLimits;
import com.lakehouse.catalogd.catalog.Registration;
import com.lakehouse.shared.catalog.DatasetManifest;
import com.lakehouse.shared.catalog.DatasetNames;
import com.lakehouse.shared.catalog.RegisterRequest;
import com.lakehouse.shared.error.LakehouseException;

/**
 * Whether a change read back from storage may enter the catalog. Stored state is checked by the
 * same rules as a register ({@link Registration#of}: name grammar, the closed type grammar, keys,
 * counts), with the configurable sizes left out, so a record written by hand (or by an older
 * version that let a bad type in) is set aside instead of reaching queryd's SQL or killing a load.
 * The stored fingerprint is not recomputed: versions written before catalogd computed it keep theirs.
 */
final class StoredChanges {

    /** No size limits for what is already stored: a lowered limit must not hide existing datasets. */
    private static final RegisterLimits STORED = new RegisterLimits(Integer.MAX_VALUE, Integer.MAX_VALUE,
            Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE);

    private StoredChanges() {
    }

    /** Why {@code change}, found at {@code sequence} of its file, cannot be applied; empty if it can. */
    static Optional<String> problem(CatalogChange change, long expectedSequence) {
        if (change.sequence() != expectedSequence) {
            return Optional.of("sequence " + change.sequence() + " where the file's key and order expect " + expectedSequence);
        }
        return switch (change) {
            case CatalogChange.Registered registered -> manifestProblem(registered.manifest());
            case CatalogChange.Deleted deleted -> DatasetNames.isValid(deleted.name()) ? Optional.empty()
                    : Optional.of("delete of a name outside the dataset name grammar");
            case CatalogChange.Checkpoint checkpoint -> Optional.empty();
        };
    }

    private static Optional<String> manifestProblem(DatasetManifest manifest) {
        if (manifest.datasetId() == null || manifest.version() < 1) {
            return Optional.of("manifest without a dataset_id or with version " + manifest.version());
        }
        try {
            Registration.of(new RegisterRequest(manifest.name(), null, manifest.schema(), manifest.objects(), null), STORED);
            return Optional.empty();
        } catch (LakehouseException e) {
            return Optional.of(e.getMessage());
        }
    }
}
