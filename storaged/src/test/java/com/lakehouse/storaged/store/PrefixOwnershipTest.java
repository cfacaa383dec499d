package com.lakehouse.storaged.store;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import com.lakehouse.shared.error.ForbiddenOperationException;

class PrefixOwnershipTest {

    @Test
    void anOwnedKeyWithoutItsOwnerIsForbiddenNamingFieldPrefixAndOwner() {
        assertThatThrownBy(() -> PrefixOwnership.checkMayChange(new ObjectKey("_catalog/snapshots/x.parquet"), null, "PUT"))
                .isInstanceOf(ForbiddenOperationException.class)
                .hasMessageContaining("key").hasMessageContaining("_catalog/").hasMessageContaining("catalogd");
        assertThatThrownBy(() -> PrefixOwnership.checkMayChange(new ObjectKey("journal/x"), "fleet", "DELETE"))
                .isInstanceOf(ForbiddenOperationException.class).hasMessageContaining("observerd");
    }

    @Test
    void theOwnerAndUnownedKeysPass() {
        assertThatCode(() -> PrefixOwnership.checkMayChange(new ObjectKey("_vectors/a/commit"), "vectord", "PUT"))
                .doesNotThrowAnyException();
        assertThatCode(() -> PrefixOwnership.checkMayChange(new ObjectKey("docs/a"), null, "DELETE"))
                .doesNotThrowAnyException();
    }
}
