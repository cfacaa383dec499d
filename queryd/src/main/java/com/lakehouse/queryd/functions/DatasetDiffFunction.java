package com.lakehouse.queryd.functions;

import com.lakehouse.queryd.sandbox.TableCalls;
import com.lakehouse.queryd.views.DatasetViews;

/**
 * {@code dataset_diff('workers', 1, 3)}: the rows added and removed between two versions, with a
 * first column {@code change} ('added' or 'removed'). Rows are compared as multisets (EXCEPT ALL),
 * so a row present twice in version 3 and once in version 1 is added once.
 */
public final class DatasetDiffFunction implements TableFunction {

    private final DatasetViews views;

    public DatasetDiffFunction(DatasetViews views) {
        this.views = views;
    }

    @Override
    public String name() {
        return "dataset_diff";
    }

    @Override
    public String expand(TableCalls.Call call) {
        if (call.args().size() != 3) {
            throw call.invalid("takes a dataset name and two versions: dataset_diff('workers', 1, 3)");
        }
        String name = call.string(0, "the dataset name");
        String from = views.versionView(name, call.whole(1, "the first version", 1, Long.MAX_VALUE));
        String to = views.versionView(name, call.whole(2, "the second version", 1, Long.MAX_VALUE));
        return "(SELECT 'added' AS change, * FROM (FROM " + to + " EXCEPT ALL FROM " + from + ")"
                + " UNION ALL SELECT 'removed' AS change, * FROM (FROM " + from + " EXCEPT ALL FROM " + to + "))";
    }
}
