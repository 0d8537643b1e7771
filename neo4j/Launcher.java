import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
 * Arguments: none. Environment: NEO4J_EMBEDDED_PORT (default 7687), NEO4J_EMBEDDED_DATA (default .data/neo4j),
 * NEO4J_EMBEDDED_OWNER_PID (default: our parent's pid), NEO4J_EMBEDDED_WATCH_STDIN (see below).
 * Prints exactly one line "NEO4J_READY bolt://127.0.0.1:<port>" on stdout once Bolt accepts connections;
 * the Node side waits for it. SIGTERM/SIGINT shut the database down cleanly (the JVM shutdown hook),
 * so the next start needs no store recovery; the line "NEO4J_STOPPED" marks the end of that.
 *
 * With NEO4J_EMBEDDED_WATCH_STDIN=1 the process that started us owns us: when its end of our stdin closes
 * (it exited, even by kill -9: the OS closes the pipe) we shut down the same clean way, so a dead API never
 * leaves a Neo4j holding its port and store. While running, OWNER_FILE in the data directory names our pid
 * and our owner's, so the next start can tell a live owner's Neo4j (use it) from an orphan (stop it).
 */
public final class Launcher {
  /** Names the running launcher's pid and its owner's (JSON); the Node side reads it (src/db/embedded.ts). */
  static final String OWNER_FILE = "embedded-owner.json";

  public static void main(String[] args) throws Exception {
    int port = Integer.parseInt(env("NEO4J_EMBEDDED_PORT", "7687"));
    Path home = Path.of(env("NEO4J_EMBEDDED_DATA", ".data/neo4j")).toAbsolutePath();
    Files.createDirectories(home);
    Path ownerFile = home.resolve(OWNER_FILE);

    // The hook is registered before the database is built, so a SIGTERM during start-up still shuts down cleanly.
    AtomicReference<DatabaseManagementService> running = new AtomicReference<>();
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      DatabaseManagementService service = running.get();
      if (service != null) {
        service.shutdown();
        deleteOwnerFile(ownerFile);
      }
      System.out.println("NEO4J_STOPPED");
      System.out.flush();
      stopped.countDown();
    }, "neo4j-shutdown"));

    if ("1".equals(System.getenv("NEO4J_EMBEDDED_WATCH_STDIN"))) watchOwner();

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
    // Written once the store is ours (build() took its lock): a second launcher on this directory fails
    // above, before it could overwrite the record of the one that runs.
    // The owner names itself (NEO4J_EMBEDDED_OWNER_PID): had it died during start-up, our parent would
    // already be whoever adopted us, and the record would call that process our owner.
    ProcessHandle self = ProcessHandle.current();
    String ownerPid = env("NEO4J_EMBEDDED_OWNER_PID", "");
    long owner = ownerPid.isEmpty() ? self.parent().map(ProcessHandle::pid).orElse(-1L) : Long.parseLong(ownerPid);
    Files.writeString(ownerFile, "{\"pid\":" + self.pid() + ",\"owner\":" + owner + ",\"port\":" + port + "}\n", StandardCharsets.UTF_8);

    // Fails here (and the process exits non-zero) if the default database cannot start.
    dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME).executeTransactionally("RETURN 1");
    System.out.println("NEO4J_READY bolt://127.0.0.1:" + port);
    System.out.flush();
    stopped.await();
  }

  /** Removes the file if it is still ours (a launcher started right after our shutdown may have written its own). */
  private static void deleteOwnerFile(Path ownerFile) {
    try {
      if (Files.readString(ownerFile, StandardCharsets.UTF_8).startsWith("{\"pid\":" + ProcessHandle.current().pid() + ",")) {
        Files.delete(ownerFile);
      }
    } catch (IOException ignored) {
      // A leftover file names a dead pid, which the next start recognises as stale.
    }
  }

  /** Reads stdin until end of file, which comes when the owner's end closes; then exits through the shutdown hook. */
  private static void watchOwner() {
    Thread watcher = new Thread(() -> {
      try {
        while (System.in.read() != -1) {
          // Nothing is ever sent; only the end of the stream matters.
        }
      } catch (IOException ignored) {
        // A broken pipe means the same: the owner is gone.
      }
      System.err.println("The process that started this Neo4j has exited; shutting down.");
      System.exit(0);
    }, "owner-watch");
    watcher.setDaemon(true);
    watcher.start();
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
