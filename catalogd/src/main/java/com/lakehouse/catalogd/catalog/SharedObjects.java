package com.lakehouse.catalogd.catalog;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;

import com.lakehouse.shared.catalog.DataObject;

/**
 * The object list of one dataset version, sharing its storage with the versions before it: an
 * append makes a version whose list is the previous one plus new objects at the end, so the
 * versions of a dataset are prefixes of one array (issue 21: with a full list per version, the
 * memory of a dataset appended n times grew as n²). A version whose list is not an extension of
 * the previous one (a replace, an object rewritten in place) gets its own array.
 *
 * <p>Only the catalog's single writer (under its mutation lock, or a load's replay) extends the
 * array, and only past every published version's length; readers of a version read the elements
 * below its length, which never change. The array reference is volatile, so a reader that sees a
 * grown array sees the elements copied into it.
 */
final class SharedObjects {

    private static final class Backing {
        private volatile DataObject[] items;
        /** Elements in use by the newest version made from this array (guarded by the backing's monitor). */
        private int size;

        Backing(DataObject[] items) {
            this.items = items;
            this.size = items.length;
        }
    }

    private static final SharedObjects EMPTY = new SharedObjects(new Backing(new DataObject[0]), 0);

    private final Backing backing;
    private final int length;

    private SharedObjects(Backing backing, int length) {
        this.backing = backing;
        this.length = length;
    }

    static SharedObjects of(List<DataObject> objects) {
        return objects.isEmpty() ? EMPTY : new SharedObjects(new Backing(objects.toArray(new DataObject[0])), objects.size());
    }

    /** The list of the next version: this one's storage extended when {@code next} starts with this list. */
    SharedObjects followedBy(List<DataObject> next) {
        if (next.size() < length || length == 0 || !startsWithThis(next)) {
            return of(next);
        }
        synchronized (backing) {
            if (backing.size != length) {
                // a later version was made from this array already (a candidate that was not kept)
                return of(next);
            }
            DataObject[] items = backing.items;
            if (next.size() > items.length) {
                items = Arrays.copyOf(items, Math.max(next.size(), items.length + (items.length >> 1) + 8));
            }
            for (int i = length; i < next.size(); i++) {
                items[i] = next.get(i);
            }
            backing.items = items;
            backing.size = next.size();
            return new SharedObjects(backing, next.size());
        }
    }

    private boolean startsWithThis(List<DataObject> next) {
        DataObject[] items = backing.items;
        for (int i = 0; i < length; i++) {
            if (!Objects.equals(items[i], next.get(i))) {
                return false;
            }
        }
        return true;
    }

    int size() {
        return length;
    }

    /** A read-only view of this version's objects (copied by whoever builds a manifest of it). */
    List<DataObject> list() {
        return new View(backing.items, length);
    }

    private static final class View extends AbstractList<DataObject> implements RandomAccess {
        private final DataObject[] items;
        private final int length;

        View(DataObject[] items, int length) {
            this.items = items;
            this.length = length;
        }

        @Override
        public DataObject get(int index) {
            return items[Objects.checkIndex(index, length)];
        }

        @Override
        public int size() {
            return length;
        }
    }
}
