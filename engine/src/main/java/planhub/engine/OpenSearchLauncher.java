package planhub.engine;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.opensearch.Version;
import org.opensearch.analysis.common.CommonAnalysisPlugin;
import org.opensearch.cluster.service.ClusterService;
import org.opensearch.common.logging.LogConfigurator;
import org.opensearch.common.settings.Settings;
import org.opensearch.core.common.transport.TransportAddress;
import org.opensearch.env.Environment;
import org.opensearch.gateway.GatewayService;
import org.opensearch.http.HttpServerTransport;
import org.opensearch.node.InternalSettingsPreparer;
import org.opensearch.node.Node;
import org.opensearch.painless.PainlessPlugin;
import org.opensearch.plugins.Plugin;
import org.opensearch.transport.Netty4Plugin;

/**
 * Runs a real single-node OpenSearch (the server jar from Maven Central) in this JVM.
 *
 * <p>The released OpenSearch tarball ships its modules (HTTP transport, analysis-common, painless)
 * as separate plugin folders that the node loads from {@code $OPENSEARCH_HOME/modules}. Here they
 * are ordinary Maven dependencies on the classpath instead, and a node only discovers plugins from
 * folders, so they are handed to the node explicitly through the protected
 * {@code Node(Environment, Collection<Class<? extends Plugin>>, boolean)} constructor.
 *
 * <p>Usage: {@code java -cp 'engine/target/classes:engine/target/lib/*' planhub.engine.OpenSearchLauncher
 * [--port N] [--dir DIR]}. Defaults come from the environment variables {@code ENGINE_PORT} (9200)
 * and {@code ENGINE_DIR} ({@code <repo>/.engine}).
 *
 * <p>One node of a cluster instead: {@code --name planhub-2 --transport-port 19322
 * --seed-hosts 127.0.0.1:19321,127.0.0.1:19323 --initial-managers planhub-1,planhub-2,planhub-3}.
 * {@code --setting key=value} (repeatable) passes any other node setting through, last.
 */
public final class OpenSearchLauncher {

    private static final String DEFAULT_NODE_NAME = "planhub-1";

    /** The modules a stock OpenSearch distribution would load from its modules folder. */
    private static final List<Class<? extends Plugin>> MODULES = List.of(
        Netty4Plugin.class,          // transport-netty4-client: the HTTP and transport layer ("netty4")
        CommonAnalysisPlugin.class,  // analysis-common: whitespace tokenizer, lowercase filter, ...
        PainlessPlugin.class         // lang-painless: scripts
    );

    /** A Node that also loads the given plugin classes from the classpath. */
    private static final class ClasspathPluginNode extends Node {
        ClasspathPluginNode(Environment environment, Collection<Class<? extends Plugin>> plugins) {
            super(environment, plugins, true);
        }
    }

    private OpenSearchLauncher() {}

    public static void main(String[] args) throws Exception {
        // What the distribution's jvm.options would set; must happen before log4j/netty initialise.
        System.setProperty("log4j.shutdownHookEnabled", "false"); // we stop log4j after the node
        System.setProperty("log4j2.disable.jmx", "true");
        System.setProperty("io.netty.noUnsafe", "true");
        System.setProperty("io.netty.noKeySetOptimization", "true");
        System.setProperty("io.netty.recycler.maxCapacityPerThread", "0");

        int port = Integer.parseInt(option(args, "--port", "ENGINE_PORT", "9200"));
        Path dir = Paths.get(option(args, "--dir", "ENGINE_DIR", defaultDir().toString())).toAbsolutePath().normalize();
        String host = option(args, "--host", "ENGINE_HOST", "127.0.0.1");
        String nodeName = option(args, "--name", null, DEFAULT_NODE_NAME);
        String transportPort = option(args, "--transport-port", null, null);
        String seedHosts = option(args, "--seed-hosts", null, null);
        String initialManagers = option(args, "--initial-managers", null, null);
        boolean clustered = seedHosts != null;
        if (!clustered && initialManagers != null) {
            System.out.println("planhub-engine: --initial-managers needs --seed-hosts (the other nodes' transport addresses)");
            System.exit(2);
        }

        Path home = dir.resolve("home");
        Path config = home.resolve("config");
        Files.createDirectories(config);
        writeLogConfig(config);

        Settings.Builder builder = Settings.builder()
            .put("cluster.name", "planhub")
            .put("node.name", nodeName)
            .put("network.host", host)
            .put("http.port", port)
            .put("path.home", home.toString())
            .put("path.data", dir.resolve("data").toString())
            .put("path.logs", dir.resolve("logs").toString())
            .put("action.auto_create_index", true)
            // a dev box with a nearly full disk should not silently turn indices read-only
            .put("cluster.routing.allocation.disk.threshold_enabled", false);
        if (clustered) {
            // Only the first start of a new cluster reads the initial cluster-manager nodes; a node
            // that restarts with its data rejoins through the seed hosts.
            builder.putList("discovery.seed_hosts", splitList(seedHosts));
            if (initialManagers != null) {
                builder.putList("cluster.initial_cluster_manager_nodes", splitList(initialManagers));
            }
        } else {
            builder.put("discovery.type", "single-node");
        }
        if (transportPort != null) {
            builder.put("transport.port", transportPort);
        }
        for (String pair : options(args, "--setting")) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                System.out.println("planhub-engine: --setting wants key=value, got " + pair);
                System.exit(2);
            }
            builder.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
        Settings settings = builder.build();

        // OpenSearch's logging setup routes System.out into log4j ("[stdout]" lines); keep the real
        // stream for the launcher's own status lines so they stay plain and easy to grep.
        PrintStream out = System.out;
        Environment environment = InternalSettingsPreparer.prepareEnvironment(settings, Map.of(), config, () -> nodeName);
        LogConfigurator.registerErrorListener();
        LogConfigurator.setNodeName(nodeName);
        LogConfigurator.configure(environment);

        Node node;
        try {
            node = new ClasspathPluginNode(environment, MODULES);
        } catch (Exception e) {
            // e.g. another node already holds the lock on path.data
            out.println("planhub-engine: OpenSearch failed to initialise: " + e);
            e.printStackTrace(out);
            System.exit(1);
            return;
        }

        CountDownLatch stopped = new CountDownLatch(1);
        // The node's own threads are daemons: keep the JVM alive until we are told to stop.
        Thread keepAlive = new Thread(() -> {
            try {
                stopped.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "planhub-engine-keepalive");
        keepAlive.setDaemon(false);
        keepAlive.start();

        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            out.println("planhub-engine: stopping OpenSearch");
            try {
                node.close();
                if (!node.awaitClose(30, TimeUnit.SECONDS)) {
                    out.println("planhub-engine: node did not close within 30s");
                }
                out.println("planhub-engine: stopped");
            } catch (IOException | InterruptedException e) {
                out.println("planhub-engine: error while stopping: " + e);
            } finally {
                org.apache.logging.log4j.core.config.Configurator.shutdown(
                    (org.apache.logging.log4j.core.LoggerContext) org.apache.logging.log4j.LogManager.getContext(false));
                stopped.countDown();
            }
        }, "planhub-engine-shutdown"));

        try {
            node.start();
        } catch (Exception e) {
            out.println("planhub-engine: OpenSearch failed to start: " + e);
            e.printStackTrace(out);
            System.exit(1);
        }

        TransportAddress http = node.injector().getInstance(HttpServerTransport.class).boundAddress().publishAddress();
        out.println("planhub-engine: OpenSearch " + Version.CURRENT + " listening on http://"
            + http.getAddress() + ":" + http.getPort() + " (data in " + dir + ")");
        out.flush();

        // A cluster keeps the stock default of one replica: that is what lets it lose a node.
        if (!clustered) {
            defaultToNoReplicas(node, out);
        }
    }

    private static List<String> splitList(String commaSeparated) {
        List<String> items = new ArrayList<>();
        for (String item : commaSeparated.split(",")) {
            if (!item.isBlank()) {
                items.add(item.trim());
            }
        }
        return items;
    }

    /**
     * One node can never hold a replica, so a new index with the stock default of one replica stays
     * yellow. {@code cluster.default_number_of_replicas} fixes that, but index creation reads it only
     * from the cluster state's settings (not from node settings), so it is stored there as a
     * persistent cluster setting, once; a value that someone set explicitly is left alone.
     */
    private static void defaultToNoReplicas(Node node, PrintStream out) {
        String key = "cluster.default_number_of_replicas";
        try {
            // Read the persistent settings only once the on-disk cluster state has been recovered,
            // or a value set in an earlier run would not be seen yet.
            ClusterService clusterService = node.injector().getInstance(ClusterService.class);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (clusterService.state().blocks().hasGlobalBlock(GatewayService.STATE_NOT_RECOVERED_BLOCK)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("cluster state not recovered after 120s");
                }
                Thread.sleep(100);
            }
            if (!clusterService.state().metadata().persistentSettings().hasValue(key)) {
                node.client().admin().cluster().prepareUpdateSettings()
                    .setPersistentSettings(Settings.builder().put(key, 0)).get();
                out.println("planhub-engine: set persistent cluster setting " + key + "=0");
            }
        } catch (RuntimeException | InterruptedException e) {
            out.println("planhub-engine: could not set " + key + "=0 (" + e + "); new indices will need "
                + "\"number_of_replicas\": 0 to turn green");
        }
    }

    /** Every value of a repeatable option ({@code --name value} or {@code --name=value}), in order. */
    private static List<String> options(String[] args, String name) {
        List<String> values = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals(name) && i + 1 < args.length) {
                values.add(args[++i]);
            } else if (args[i].startsWith(name + "=")) {
                values.add(args[i].substring(name.length() + 1));
            }
        }
        return values;
    }

    /**
     * {@code --name value} or {@code --name=value}, else the environment variable (when {@code env}
     * is not null), else the fallback.
     */
    private static String option(String[] args, String name, String env, String fallback) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals(name) && i + 1 < args.length) {
                return args[i + 1];
            }
            if (args[i].startsWith(name + "=")) {
                return args[i].substring(name.length() + 1);
            }
        }
        String value = env == null ? null : System.getenv(env);
        return value == null || value.isBlank() ? fallback : value;
    }

    /** {@code <repo>/.engine}, found from where this class was loaded ({@code <repo>/engine/target/classes}). */
    private static Path defaultDir() {
        try {
            Path classes = Paths.get(OpenSearchLauncher.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path repo = classes.getParent() == null ? null : classes.getParent().getParent();
            if (repo != null && repo.getParent() != null && Files.isDirectory(repo.getParent().resolve("engine"))) {
                return repo.getParent().resolve(".engine");
            }
        } catch (URISyntaxException | SecurityException | NullPointerException e) {
            // fall through
        }
        return Paths.get(".engine");
    }

    /** Log to stdout (the caller redirects it to a file); deprecations also become HTTP Warning headers. */
    private static void writeLogConfig(Path config) throws IOException {
        String properties = String.join("\n",
            "status = error",
            "appender.console.type = Console",
            "appender.console.name = console",
            "appender.console.target = SYSTEM_OUT",
            "appender.console.layout.type = PatternLayout",
            "appender.console.layout.pattern = [%d{ISO8601}][%-5p][%-25c{1.}] [%node_name]%marker %m%n",
            "rootLogger.level = info",
            "rootLogger.appenderRef.console.ref = console",
            "appender.header_warning.type = HeaderWarningAppender",
            "appender.header_warning.name = header_warning",
            "logger.deprecation.name = org.opensearch.deprecation",
            "logger.deprecation.level = info",
            "logger.deprecation.appenderRef.console.ref = console",
            "logger.deprecation.appenderRef.header_warning.ref = header_warning",
            "logger.deprecation.additivity = false",
            "");
        Files.write(config.resolve("log4j2.properties"), properties.getBytes(StandardCharsets.UTF_8));
    }
}
