package coalitions;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.io.ByteUnit;
import org.neo4j.logging.Level;
import org.neo4j.logging.log4j.Log4jLogProvider;

/**
 * A development Neo4j: the Community DBMS started embedded, reachable over Bolt on 127.0.0.1.
 *
 * <p>Usage: {@code LocalNeo4j HOME PORT PASSWORD_FILE READY_FILE}. The password is read from a
 * file rather than the command line so it never shows in {@code ps}. READY_FILE is written once
 * the password is in place, because Bolt accepts connections a moment before that.
 */
public final class LocalNeo4j {
    private LocalNeo4j() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 4) {
            System.err.println("usage: LocalNeo4j HOME PORT PASSWORD_FILE READY_FILE");
            System.exit(2);
        }
        Path home = Path.of(args[0]).toAbsolutePath();
        int port = Integer.parseInt(args[1]);
        String password = Files.readString(Path.of(args[2]), StandardCharsets.UTF_8).strip();
        Path ready = Path.of(args[3]);
        Files.deleteIfExists(ready);
        long t0 = System.nanoTime();
        // LOAD CSV reads file:/// URLs from here only, as a packaged server's import folder;
        // without it the embedded server would read any file this user can read.
        Path imports = home.resolve("import");
        Files.createDirectories(imports);

        DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(home)
                .setUserLogProvider(new Log4jLogProvider(System.out, Level.INFO))
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
                .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
                .setConfig(GraphDatabaseSettings.auth_enabled, true)
                .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.mebiBytes(64))
                // A throwaway development server: keep the transaction logs from growing.
                .setConfig(GraphDatabaseSettings.keep_logical_logs, "2 files")
                .setConfig(GraphDatabaseSettings.logical_log_rotation_threshold, ByteUnit.mebiBytes(16))
                .setConfig(GraphDatabaseSettings.udc_enabled, false)
                .setConfig(GraphDatabaseSettings.load_csv_file_url_root, imports)
                // Netty's default quiet periods add 10 s to every stop and restart.
                .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0)
                .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_timeout, Duration.ofSeconds(5))
                // Overrides for a bigger job (benchmarks): -Dconf.server.memory.pagecache.size=1g
                // in NEO4J_LOCAL_JAVA_OPTS sets server.memory.pagecache.size, and so on.
                .loadPropertiesFromFile(overrides(home))
                .build();

        System.out.printf("LocalNeo4j: DBMS started in %.1fs%n", (System.nanoTime() - t0) / 1e9);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("LocalNeo4j: shutting down");
            dbms.shutdown();
            stopped.countDown();
        }, "neo4j-local-shutdown"));

        try {
            setPassword(dbms, home, password);
        } catch (Exception e) {
            // Without the password the server is useless to its callers: fail loudly, not half-up.
            e.printStackTrace();
            System.exit(1);
        }
        Files.writeString(ready, ProcessHandle.current().pid() + "\n", StandardCharsets.UTF_8);
        System.out.printf("LocalNeo4j: ready on bolt://127.0.0.1:%d after %.1fs%n",
                port, (System.nanoTime() - t0) / 1e9);
        stopped.await();
    }

    /** The -Dconf.* system properties as a neo4j.conf-style file (the builder reads files). */
    private static Path overrides(Path home) throws java.io.IOException {
        StringBuilder conf = new StringBuilder();
        for (String name : new java.util.TreeSet<>(System.getProperties().stringPropertyNames())) {
            if (name.startsWith("conf.")) {
                conf.append(name.substring("conf.".length())).append('=')
                        .append(System.getProperty(name)).append('\n');
            }
        }
        if (!conf.isEmpty()) {
            System.out.print("LocalNeo4j: settings from -Dconf.*:\n" + conf);
        }
        Files.createDirectories(home);
        Path file = home.resolve("overrides.conf");
        Files.writeString(file, conf.toString(), StandardCharsets.UTF_8);
        return file;
    }

    private static void setPassword(DatabaseManagementService dbms, Path home, String password)
            throws Exception {
        // A restart keeps the data and the password: skip the Cypher round (seconds on a cold JVM).
        Path marker = home.resolve("password.sha256");
        String digest = HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-256").digest(password.getBytes(StandardCharsets.UTF_8)));
        if (Files.exists(marker) && Files.readString(marker, StandardCharsets.UTF_8).strip().equals(digest)) {
            return;
        }
        try {
            dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME).executeTransactionally(
                    "ALTER USER neo4j SET PASSWORD $password CHANGE NOT REQUIRED",
                    Map.of("password", password));
        } catch (RuntimeException e) {
            // A restart keeps the data, so the user may already have exactly this password;
            // Neo4j refuses to "change" a password to itself.
            if (!String.valueOf(e.getMessage()).contains("cannot be the same")) {
                throw e;
            }
        }
        Files.writeString(marker, digest + "\n", StandardCharsets.UTF_8);
    }
}
