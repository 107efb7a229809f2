package planhub.engine.elasticsearch;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.elasticsearch.Build;
import org.elasticsearch.common.logging.LogConfigurator;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.common.transport.TransportAddress;
import org.elasticsearch.env.Environment;
import org.elasticsearch.http.HttpServerTransport;
import org.elasticsearch.node.ClasspathPluginNodes;
import org.elasticsearch.node.InternalSettingsPreparer;
import org.elasticsearch.node.Node;
import org.elasticsearch.plugins.Plugin;
import org.elasticsearch.transport.netty4.Netty4Plugin;

/**
 * Runs a real Elasticsearch node (the server jar from Maven Central) in this JVM.
 *
 * <p>A distribution loads its modules from {@code $ES_HOME/modules}; here the two we have are
 * classpath classes handed to the node by {@link ClasspathPluginNodes}: the netty4 transport
 * (HTTP and node-to-node) and {@link PlanhubCorePlugin} (the root endpoint and the tokenizers of
 * the modules that Maven Central lacks). What Elasticsearch's own {@code main} does besides
 * building the node is skipped: bootstrap checks, entitlements, the JVM options file.
 *
 * <p>Usage: {@code java -cp 'engine/elasticsearch/target/classes:engine/elasticsearch/target/lib/*'
 * planhub.engine.elasticsearch.ElasticsearchLauncher [--port N] [--dir DIR] ...}; see {@link LauncherOptions}.
 */
public final class ElasticsearchLauncher {

    private static final List<Class<? extends Plugin>> MODULES = List.of(Netty4Plugin.class, PlanhubCorePlugin.class);

    private ElasticsearchLauncher() {}

    public static void main(String[] args) throws Exception {
        // What the distribution's jvm.options would set; must happen before log4j/netty initialise.
        System.setProperty("log4j.shutdownHookEnabled", "false"); // we stop log4j after the node
        System.setProperty("log4j2.disable.jmx", "true");
        System.setProperty("log4j2.formatMsgNoLookups", "true");
        System.setProperty("io.netty.noUnsafe", "true");
        System.setProperty("io.netty.noKeySetOptimization", "true");
        System.setProperty("io.netty.recycler.maxCapacityPerThread", "0");

        // Elasticsearch's logging setup routes System.out into log4j; keep the real stream for the
        // launcher's own "planhub-engine:" lines.
        PrintStream out = System.out;
        LauncherOptions options;
        Settings settings;
        try {
            options = LauncherOptions.parse(args);
            settings = options.settings();
        } catch (IllegalArgumentException e) {
            out.println("planhub-engine: " + e.getMessage());
            System.exit(2);
            return;
        }

        // Where native libraries (zstd, ...) would be found in a distribution: <home>/lib/platform.
        // They are not on Maven Central; without this property the lookup fails with a long stack trace.
        System.setProperty("es.path.home", options.home().toString());
        Path config = options.home().resolve("config");
        Files.createDirectories(config);
        writeLogConfig(config);
        Environment environment = InternalSettingsPreparer.prepareEnvironment(settings, Map.of(), config, options::nodeName);
        LogConfigurator.registerErrorListener();
        LogConfigurator.setNodeName(options.nodeName());
        LogConfigurator.setClusterName(options.clusterName());
        LogConfigurator.configure(environment, true);

        out.println("planhub-engine: native libraries (libzstd, ...) are not on Maven Central; "
            + "Elasticsearch runs without them (no mlockall, no zstd-compressed stored fields)");
        Node node;
        try {
            node = ClasspathPluginNodes.create(environment, MODULES);
        } catch (Exception e) {
            // e.g. another node already holds the lock on path.data
            out.println("planhub-engine: Elasticsearch failed to initialise: " + e);
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
            out.println("planhub-engine: stopping Elasticsearch");
            try {
                node.prepareForClose();
                node.close();
                if (!node.awaitClose(30, TimeUnit.SECONDS)) out.println("planhub-engine: node did not close within 30s");
                out.println("planhub-engine: stopped");
            } catch (IOException | InterruptedException | RuntimeException e) {
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
            out.println("planhub-engine: Elasticsearch failed to start: " + e);
            e.printStackTrace(out);
            System.exit(1);
        }

        TransportAddress http = node.injector().getInstance(HttpServerTransport.class).boundAddress().publishAddress();
        out.println("planhub-engine: Elasticsearch " + Build.current().qualifiedVersion() + " node " + options.nodeName()
            + " listening on http://" + http.getAddress() + ":" + http.getPort()
            + (options.singleNode() ? " (single node" : " (cluster " + options.clusterName()) + ", data in " + options.dir() + ")");
        out.flush();
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
            "logger.deprecation.name = org.elasticsearch.deprecation",
            "logger.deprecation.level = info",
            "logger.deprecation.appenderRef.console.ref = console",
            "logger.deprecation.appenderRef.header_warning.ref = header_warning",
            "logger.deprecation.additivity = false",
            // Native libraries (libzstd, ...) come with a distribution, not with Maven Central: the
            // node logs a warning with a stack trace and goes on without them. One line says so instead.
            "logger.nativeaccess.name = org.elasticsearch.nativeaccess.NativeAccess",
            "logger.nativeaccess.level = error",
            "");
        Files.write(config.resolve("log4j2.properties"), properties.getBytes(StandardCharsets.UTF_8));
    }
}
