package com.lakehouse.queryd.views;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Set;

import org.junit.jupiter.api.Test;

class ViewGenerationsTest {

    private final Path a = Path.of("a.parquet");
    private final Path b = Path.of("b.parquet");
    private final Path c = Path.of("c.parquet");

    @Test
    void withoutQueriesOnlyTheCurrentFilesAreProtected() {
        ViewGenerations generations = new ViewGenerations();
        generations.publish(Set.of(a));
        generations.publish(Set.of(b));
        assertThat(generations.protectedFiles()).containsExactly(b);
        assertThat(generations.remembered()).isEqualTo(1);
    }

    @Test
    void aRunningQueryKeepsItsGenerationAndEveryNewerOneProtected() {
        ViewGenerations generations = new ViewGenerations();
        generations.publish(Set.of(a));
        ViewGenerations.Lease lease = generations.acquire();
        generations.publish(Set.of(b));
        generations.publish(Set.of(c));
        assertThat(generations.protectedFiles()).containsExactlyInAnyOrder(a, b, c);
        lease.close();
        assertThat(generations.protectedFiles()).containsExactly(c);
        lease.close();
        assertThat(generations.remembered()).isEqualTo(1);
    }

    @Test
    void leasesCountPerGeneration() {
        ViewGenerations generations = new ViewGenerations();
        generations.publish(Set.of(a));
        ViewGenerations.Lease first = generations.acquire();
        ViewGenerations.Lease second = generations.acquire();
        generations.publish(Set.of(b));
        first.close();
        assertThat(generations.protectedFiles()).contains(a);
        second.close();
        assertThat(generations.protectedFiles()).containsExactly(b);
    }
}
