package com.lakehouse.queryd.functions;

import com.lakehouse.queryd.sandbox.TableCalls;
import com.lakehouse.queryd.views.DatasetViews;

/** {@code dataset('workers', 3)}: version 3 of dataset {@code workers}, as a view of its own. */
public final class DatasetVersionFunction implements TableFunction {

    private final DatasetViews views;

    public DatasetVersionFunction(DatasetViews views) {
        this.views = views;
    }

    @Override
    public String name() {
        return "dataset";
    }

    @Override
    public String expand(TableCalls.Call call) {
        if (call.args().size() != 2) {
            throw call.invalid("takes a dataset name and a version: dataset('workers', 3)");
        }
        return views.versionView(call.string(0, "the dataset name"), call.whole(1, "the version", 1, Long.MAX_VALUE));
    }
}
