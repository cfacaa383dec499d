package com.lakehouse.catalogd.iceberg;

import java.util.List;

/** Where a data file's column statistics come from (its Parquet footer, in production through storaged). */
@FunctionalInterface
public interface FooterSource {

    /** Every column chunk's statistics of the object at {@code key}, {@code size} bytes long. */
    List<FooterStats> read(String key, long size);
}
