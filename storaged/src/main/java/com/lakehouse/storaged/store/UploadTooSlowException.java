package com.lakehouse.storaged.store;

import com.lakehouse.shared.error.LakehouseException;

/** An upload cut because its client was idle too long or under the minimum rate (408); its slot is free again. */
public final class UploadTooSlowException extends LakehouseException {

    public UploadTooSlowException(String message, Throwable cause) {
        super(message, java.util.Map.of(), cause);
    }
}
