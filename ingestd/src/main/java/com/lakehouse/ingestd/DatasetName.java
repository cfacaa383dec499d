package com.lakehouse.ingestd;

import java.util.regex.Pattern;

import com.lakehouse.shared.error.InvalidRequestException;

/** Dataset names become SQL view names, hence the narrow grammar of SPEC §4. */
final class DatasetName {

    private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private DatasetName() {
    }

    static String require(String name) {
        if (name == null || name.isEmpty()) {
            throw new InvalidRequestException("missing query parameter 'name' (the dataset name)");
        }
        if (!NAME.matcher(name).matches()) {
            String shown = name.length() > 80 ? name.substring(0, 80) + "..." : name;
            throw new InvalidRequestException("invalid dataset name '" + shown
                    + "': it must match ^[a-z_][a-z0-9_]{0,62}$ (lowercase letters, digits, underscores)");
        }
        return name;
    }
}
