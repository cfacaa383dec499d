package com.lakehouse.catalogd.catalog;

import static com.lakehouse.catalogd.catalog.CatalogFixtures.FP_A;
import static com.lakehouse.catalogd.catalog.CatalogFixtures.object;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.lakehouse.shared.catalog.DataObject;
import com.lakehouse.shared.catalog.DatasetManifest;

/** Versions that share their object lists in memory read back exactly as they were registered. */
class CatalogStateTest {

    @Test
    void everyVersionReadsBackAsRegisteredThroughAppendsReplacesAndAnAbandonedCandidate() {
        List<DatasetManifest> registered = new ArrayList<>();
        List<DataObject> objects = new ArrayList<>();
        CatalogState state = CatalogState.empty();
        for (int v = 1; v <= 40; v++) {
            if (v == 20) {
                objects = new ArrayList<>(List.of(object("replaced")));   // a replace: its own list
            } else if (v == 30) {
                objects.set(0, new DataObject(objects.getFirst().key(), 1, "rewritten", 10)); // rewritten in place
            } else {
                objects.add(object("k" + v));
            }
            DatasetManifest manifest = new DatasetManifest("id", "d", v, FP_A, CatalogFixtures.schema(), objects,
                    objects.size() * 10L, "c", "u" + v);
            registered.add(manifest);
            state = state.apply(new CatalogChange.Registered(v, manifest));
            if (v == 10) {
                // a candidate built on this state and then dropped (its write failed) must not disturb it
                List<DataObject> dropped = new ArrayList<>(objects);
                dropped.add(object("never-kept"));
                state.apply(new CatalogChange.Registered(11, new DatasetManifest("id", "d", 11, FP_A, CatalogFixtures.schema(),
                        dropped, 0, "c", "x")));
            }
        }
        assertThat(state.history("d").orElseThrow()).containsExactlyElementsOf(registered);
        assertThat(state.current("d")).contains(registered.getLast());
        assertThat(CatalogState.replay(state.asSnapshot()).history("d").orElseThrow()).containsExactlyElementsOf(registered);
    }
}
