package com.lakehouse.shared.catalog;

import java.util.regex.Pattern;

import com.lakehouse.shared.error.InvalidRequestException;

/** Dataset names become SQL view names in queryd, so they are plain lowercase identifiers (SPEC §4). */
public final class DatasetNames {

    private static final Pattern VALID = Pattern.compile("^[a-z_][a-z0-9_]{0,62}$");

    private DatasetNames() {
    }

    public static boolean isValid(String name) {
        return name != null && VALID.matcher(name).matches();
    }

    /** The name itself, or a 400 that says what a name may be. */
    public static String require(String name) {
        if (!isValid(name)) {
            throw new InvalidRequestException("invalid dataset name '" + printable(name)
                    + "': use 1-63 characters of a-z, 0-9 and _, not starting with a digit");
        }
        return name;
    }

    /** Names echoed in messages are cut short and stripped of control characters. */
    private static String printable(String name) {
        if (name == null) {
            return "";
        }
        String cut = name.length() > 80 ? name.substring(0, 80) + "..." : name;
        return cut.replaceAll("\\p{Cntrl}", "?");
    }
}
