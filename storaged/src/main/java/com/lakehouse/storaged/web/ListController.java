package com.lakehouse.storaged.web;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.lakehouse.shared.error.InvalidRequestException;
import com.lakehouse.shared.storage.ObjectPage;
import com.lakehouse.storaged.store.ObjectKey;
import com.lakehouse.storaged.store.ObjectStore;

/** {@code GET /storage/list?prefix=&limit=&after=} (SPEC §3): one page of keys in key order. */
@RestController
class ListController {

    static final int MAX_LIMIT = 1000;

    private final ObjectStore store;

    ListController(ObjectStore store) {
        this.store = store;
    }

    @GetMapping("/storage/list")
    ObjectPage list(@RequestParam(defaultValue = "") String prefix,
            @RequestParam(defaultValue = "1000") int limit,
            @RequestParam(defaultValue = "") String after) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidRequestException("limit must be between 1 and " + MAX_LIMIT);
        }
        checkBound("prefix", prefix);
        checkBound("after", after);
        return store.list(prefix, after, limit);
    }

    /** prefix and after need not be whole keys, but they obey the same byte rules. */
    private static void checkBound(String name, String value) {
        ObjectKey.checkBytes(name, value);
        if (value.codePoints().anyMatch(Character::isISOControl)) {
            throw new InvalidRequestException(name + " must not contain control characters");
        }
    }
}
