package com.lakehouse.shared.fleet;

/**
 * The fleet's default loopback ports and peer URLs (SPEC §1), as compile-time constants so that
 * properties records can name them in {@code @DefaultValue} and mcpd can use them without Spring.
 * {@code FleetService} takes its ports from here: one table.
 */
public final class FleetPorts {

    public static final int GATEWAY = 3110;
    public static final int STORAGED = 3211;
    public static final int CATALOGD = 3212;
    public static final int INGESTD = 3213;
    public static final int QUERYD = 3214;
    public static final int VECTORD = 3215;
    public static final int EMBEDD = 3216;
    public static final int PATHWAY = 3217;
    public static final int OBSERVERD = 3218;
    /** The embedded S3 server the launcher starts (S3Proxy), not a fleet service. */
    public static final int S3 = 3290;

    public static final String LOOPBACK_HOST = "127.0.0.1";
    /** The prefix of every default peer URL: plain HTTP on loopback. */
    public static final String LOOPBACK = "http://" + LOOPBACK_HOST + ":";
    public static final String GATEWAY_URL = LOOPBACK + GATEWAY;
    public static final String STORAGED_URL = LOOPBACK + STORAGED;
    public static final String CATALOGD_URL = LOOPBACK + CATALOGD;
    public static final String INGESTD_URL = LOOPBACK + INGESTD;
    public static final String QUERYD_URL = LOOPBACK + QUERYD;
    public static final String VECTORD_URL = LOOPBACK + VECTORD;
    public static final String EMBEDD_URL = LOOPBACK + EMBEDD;
    public static final String PATHWAY_URL = LOOPBACK + PATHWAY;
    public static final String OBSERVERD_URL = LOOPBACK + OBSERVERD;
    public static final String S3_URL = LOOPBACK + S3;

    public static final String GATEWAY_BIND = LOOPBACK_HOST + ":" + GATEWAY;
    public static final String STORAGED_BIND = LOOPBACK_HOST + ":" + STORAGED;
    public static final String CATALOGD_BIND = LOOPBACK_HOST + ":" + CATALOGD;
    public static final String INGESTD_BIND = LOOPBACK_HOST + ":" + INGESTD;
    public static final String QUERYD_BIND = LOOPBACK_HOST + ":" + QUERYD;
    public static final String VECTORD_BIND = LOOPBACK_HOST + ":" + VECTORD;
    public static final String EMBEDD_BIND = LOOPBACK_HOST + ":" + EMBEDD;
    public static final String PATHWAY_BIND = LOOPBACK_HOST + ":" + PATHWAY;
    public static final String OBSERVERD_BIND = LOOPBACK_HOST + ":" + OBSERVERD;

    private FleetPorts() {
    }
}
