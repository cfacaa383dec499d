package com.lakehouse.mcpd;

import java.net.URI;
import java.util.Map;
import java.util.Optional;

import com.lakehouse.shared.fleet.FleetPorts;
import com.lakehouse.shared.http.UpstreamUrl;

/**
 * The command line: {@code mcpd --gateway URL [--token-env NAME]}. The token itself is never an
 * argument (it would show in {@code ps}); it is read from the named environment variable.
 *
 * @param gateway  the gateway's base URL
 * @param tokenEnv the variable holding the bearer token
 * @param token    its value, when set and not blank
 * @param help     {@code --help} was given
 */
public record McpdArguments(URI gateway, String tokenEnv, Optional<String> token, boolean help) {

    static final String DEFAULT_GATEWAY = FleetPorts.GATEWAY_URL;
    static final String DEFAULT_TOKEN_ENV = "AUTH_TOKEN";

    static final String USAGE = """
            usage: mcpd [--gateway URL] [--token-env NAME]
              MCP server over stdio (newline-delimited JSON-RPC) whose tools call the Lakehouse gateway.
              --gateway URL      gateway base URL (default http://127.0.0.1:3110)
              --token-env NAME   environment variable holding the bearer token (default AUTH_TOKEN)
              stdout carries only the protocol; logs go to stderr; the process exits when stdin closes.""";

    /**
     * @throws IllegalArgumentException naming the bad argument
     */
    public static McpdArguments parse(String[] args, Map<String, String> environment) {
        String gateway = DEFAULT_GATEWAY;
        String tokenEnv = DEFAULT_TOKEN_ENV;
        boolean help = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String inlineValue = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                inlineValue = arg.substring(eq + 1);
                arg = arg.substring(0, eq);
            }
            switch (arg) {
                case "--gateway" -> gateway = inlineValue != null ? inlineValue : value(args, ++i, arg);
                case "--token-env" -> tokenEnv = inlineValue != null ? inlineValue : value(args, ++i, arg);
                case "-h", "--help" -> help = true;
                default -> throw new IllegalArgumentException("unknown argument '" + args[i] + "'");
            }
        }
        if (tokenEnv.isBlank()) {
            throw new IllegalArgumentException("--token-env needs a variable name");
        }
        URI url;
        try {
            url = UpstreamUrl.parse("--gateway", gateway);
        } catch (IllegalStateException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        Optional<String> token = Optional.ofNullable(environment.get(tokenEnv)).map(String::strip).filter(t -> !t.isEmpty());
        return new McpdArguments(url, tokenEnv, token, help);
    }

    private static String value(String[] args, int index, String name) {
        if (index >= args.length || args[index].startsWith("--")) {
            throw new IllegalArgumentException(name + " needs a value");
        }
        return args[index];
    }
}
