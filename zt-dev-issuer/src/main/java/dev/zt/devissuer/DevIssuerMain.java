package dev.zt.devissuer;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * Runs a DEVELOPMENT-ONLY {@link DevIssuer} as its own process, e.g. for a WildFly test run:
 *
 * <pre>
 * java -cp zt-dev-issuer.jar:zt-core.jar:jose4j.jar:slf4j-api.jar:caffeine.jar dev.zt.devissuer.DevIssuerMain \
 *     --port 0 --url-file target/issuer.url --secrets-dir target/secrets \
 *     --client orders-service --audience inventory-service --scope inventory:read,inventory:reserve
 * </pre>
 *
 * Options: {@code --host} (loopback only, default 127.0.0.1), {@code --port} (default 0),
 * {@code --algorithm RS256|ES256}, {@code --rotation}, {@code --overlap}, {@code --max-token-lifetime},
 * {@code --user-token-lifetime} (ISO-8601 like {@code PT30M}, or seconds), {@code --url-file}
 * (the issuer URL is written there once the port is bound), {@code --secrets-dir} (each client's
 * secret goes to {@code <dir>/<client>.secret}, owner-only). {@code --client ID} starts a client;
 * the options after it apply to it: {@code --audience a,b}, {@code --scope s1,s2} (both
 * repeatable), {@code --tenant}, {@code --token-lifetime}, {@code --accepts-subject-tokens-for a,b},
 * {@code --secret-file}. Secrets are written only to files, never to the console.
 */
public final class DevIssuerMain {

    private DevIssuerMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        DevIssuer issuer;
        try {
            issuer = start(Arrays.asList(args), System.out);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println("usage: see the Javadoc of dev.zt.devissuer.DevIssuerMain or zt-dev-issuer/README.md");
            System.exit(2);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            issuer.close();
            stopped.countDown();
        }, "zt-dev-issuer-shutdown"));
        stopped.await();
    }

    /** Parses {@code args}, starts the issuer, writes the files; prints the issuer URL (never a secret) to {@code out}. */
    static DevIssuer start(List<String> args, PrintStream out) {
        DevIssuer.Builder builder = DevIssuer.builder();
        List<ClientArgs> clients = new ArrayList<>();
        Path urlFile = null;
        Path secretsDir = null;
        for (int i = 0; i < args.size(); i++) {
            String option = args.get(i);
            if (!option.startsWith("--")) {
                throw new IllegalArgumentException("ZT-8050 unexpected argument '" + option + "'");
            }
            if (i + 1 >= args.size()) {
                throw new IllegalArgumentException("ZT-8050 " + option + " needs a value");
            }
            String value = args.get(++i);
            ClientArgs client = clients.isEmpty() ? null : clients.get(clients.size() - 1);
            switch (option) {
                case "--host" -> builder.host(value);
                case "--port" -> builder.port(integer(option, value));
                case "--algorithm" -> builder.algorithm(algorithm(value));
                case "--rotation" -> builder.rotationInterval(duration(option, value));
                case "--overlap" -> builder.keyOverlap(duration(option, value));
                case "--max-token-lifetime" -> builder.maxTokenLifetime(duration(option, value));
                case "--user-token-lifetime" -> builder.userTokenLifetime(duration(option, value));
                case "--url-file" -> urlFile = Path.of(value);
                case "--secrets-dir" -> secretsDir = Path.of(value);
                case "--client" -> clients.add(new ClientArgs(value));
                case "--audience" -> forClient(client, option).audiences.addAll(list(value));
                case "--scope" -> forClient(client, option).scopes.addAll(list(value));
                case "--tenant" -> forClient(client, option).builder.tenant(value);
                case "--token-lifetime" -> forClient(client, option).builder.tokenLifetime(duration(option, value));
                case "--accepts-subject-tokens-for" ->
                        forClient(client, option).builder.acceptsSubjectTokensFor(list(value).toArray(String[]::new));
                case "--secret-file" -> forClient(client, option).secretFile = Path.of(value);
                default -> throw new IllegalArgumentException("ZT-8050 unknown option " + option);
            }
        }
        for (ClientArgs client : clients) {
            builder.client(client.builder.audiences(client.audiences).scopes(client.scopes).build());
        }
        DevIssuer issuer = builder.build().start();
        try {
            for (ClientArgs client : clients) {
                Path file = client.secretFile != null ? client.secretFile
                        : secretsDir != null ? secretsDir.resolve(client.id + ".secret") : null;
                if (file != null) {
                    issuer.writeClientSecret(client.id, file);
                } else {
                    out.println("zt-dev-issuer: no --secret-file or --secrets-dir for client " + client.id
                            + ": its secret is not available outside this process");
                }
            }
            if (urlFile != null) {
                // written last: a set-up that waits for this file finds the secrets already in place
                SecretFiles.writeOwnerOnly(urlFile, issuer.issuerUri() + "\n");
            }
        } catch (RuntimeException e) {
            issuer.close();
            throw e;
        }
        out.println("zt-dev-issuer (DEVELOPMENT ONLY) at " + issuer.issuerUri() + " jwks " + issuer.jwksUri()
                + " token endpoint " + issuer.tokenEndpoint());
        return issuer;
    }

    private static final class ClientArgs {
        final String id;
        final DevClient.Builder builder;
        final List<String> audiences = new ArrayList<>();
        final List<String> scopes = new ArrayList<>();
        Path secretFile;

        ClientArgs(String id) {
            this.id = id;
            this.builder = DevClient.withId(id);
        }
    }

    private static ClientArgs forClient(ClientArgs client, String option) {
        if (client == null) {
            throw new IllegalArgumentException("ZT-8050 " + option + " belongs to a client: put it after --client ID");
        }
        return client;
    }

    private static List<String> list(String value) {
        return Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static int integer(String option, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("ZT-8050 " + option + " needs a number, got '" + value + "'");
        }
    }

    private static Duration duration(String option, String value) {
        try {
            return value.chars().allMatch(Character::isDigit) ? Duration.ofSeconds(Long.parseLong(value)) : Duration.parse(value);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("ZT-8050 " + option + " needs a duration like PT30M or a number of seconds, got '"
                    + value + "'");
        }
    }

    private static SigningAlgorithm algorithm(String value) {
        try {
            return SigningAlgorithm.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("ZT-8050 --algorithm must be RS256 or ES256, got '" + value + "'");
        }
    }
}
