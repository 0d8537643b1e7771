import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;

/**
 * Runs Neo4j 5 community embedded, with a Bolt connector on loopback and auth off.
 *
 * Arguments: none. Environment: NEO4J_EMBEDDED_PORT (default 7687), NEO4J_EMBEDDED_DATA (default .data/neo4j).
 * Prints exactly one line "NEO4J_READY bolt://127.0.0.1:<port>" on stdout once Bolt accepts connections;
 * the Node side waits for it. SIGTERM/SIGINT shut the database down cleanly (the JVM shutdown hook),
 * so the next start needs no store recovery; the line "NEO4J_STOPPED" marks the end of that.
 */
public final class Launcher {
  public static void main(String[] args) throws Exception {
    int port = Integer.parseInt(env("NEO4J_EMBEDDED_PORT", "7687"));
    Path home = Path.of(env("NEO4J_EMBEDDED_DATA", ".data/neo4j")).toAbsolutePath();
    Files.createDirectories(home);

    // The hook is registered before the database is built, so a SIGTERM during start-up still shuts down cleanly.
    AtomicReference<DatabaseManagementService> running = new AtomicReference<>();
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      DatabaseManagementService service = running.get();
      if (service != null) service.shutdown();
      System.out.println("NEO4J_STOPPED");
      System.out.flush();
      stopped.countDown();
    }, "neo4j-shutdown"));

    DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(home)
        .setConfig(BoltConnector.enabled, true)
        .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
        .setConfig(BoltConnector.advertised_address, new SocketAddress("127.0.0.1", port))
        .setConfig(HttpConnector.enabled, false)
        // Loopback only, so auth stays off; a Neo4j reachable from elsewhere is configured with NEO4J_URI.
        .setConfig(GraphDatabaseSettings.auth_enabled, false)
        // Bolt's Netty server otherwise waits 5 s per connector for a quiet period before it stops, making
        // every shutdown take ~10 s; the store is flushed and clean either way.
        .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0)
        .build();
    running.set(dbms);

    // Fails here (and the process exits non-zero) if the default database cannot start.
    dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME).executeTransactionally("RETURN 1");
    System.out.println("NEO4J_READY bolt://127.0.0.1:" + port);
    System.out.flush();
    stopped.await();
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
