package com.lakehouse.queryd.functions;

import com.lakehouse.queryd.sandbox.TableCalls;

/** One of queryd's own table functions: turns a call with literal arguments into SQL queryd wrote. */
public interface TableFunction {

    /** The name callers write, lower case. */
    String name();

    /** SQL that stands where the call stood: an identifier or a parenthesized query. */
    String expand(TableCalls.Call call);
}
