package planhub.engine.elasticsearch;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

import org.elasticsearch.common.settings.Settings;

/**
 * The launcher's command line, with the OpenSearch launcher's option names so that one script can
 * start nodes of either: {@code --port}, {@code --dir}, {@code --host}, each with an
 * {@code ENGINE_*} variable; what a node of a loopback cluster needs ({@code --name},
 * {@code --transport-port}, {@code --seed-hosts}, {@code --initial-managers}, which Elasticsearch
 * calls {@code cluster.initial_master_nodes}); and {@code --setting key=value} (repeatable, applied
 * last) for anything else. Without seed hosts or initial managers the node is a single-node cluster.
 */
record LauncherOptions(
    int port,
    Path dir,
    String host,
    String clusterName,
    String nodeName,
    String transportPort,
    String seedHosts,
    String initialMasterNodes,
    List<String> extraSettings
) {

    static LauncherOptions parse(String[] args) {
        return new LauncherOptions(
            Integer.parseInt(option(args, "--port", "ENGINE_PORT", "9201")),
            Paths.get(option(args, "--dir", "ENGINE_DIR", defaultDir().toString())).toAbsolutePath().normalize(),
            option(args, "--host", "ENGINE_HOST", "127.0.0.1"),
            option(args, "--cluster-name", "ENGINE_CLUSTER_NAME", "planhub"),
            option(args, "--name", "ENGINE_NODE_NAME", "planhub-es-1"),
            option(args, "--transport-port", "ENGINE_TRANSPORT_PORT", ""),
            option(args, "--seed-hosts", "ENGINE_SEED_HOSTS", ""),
            option(args, "--initial-managers", "ENGINE_INITIAL_MANAGERS", ""),
            all(args, "--setting")
        );
    }

    boolean singleNode() {
        return seedHosts.isBlank() && initialMasterNodes.isBlank();
    }

    Path home() {
        return dir.resolve("home");
    }

    /** The node's settings; refuses anything that would listen beyond loopback. */
    Settings settings() {
        requireLoopback(host);
        Settings.Builder builder = Settings.builder()
            .put("cluster.name", clusterName)
            .put("node.name", nodeName)
            .put("network.host", host)
            .put("http.port", port)
            .put("path.home", home().toString())
            .put("path.data", dir.resolve("data").toString())
            .put("path.logs", dir.resolve("logs").toString())
            .put("action.auto_create_index", true)
            // a dev box with a nearly full disk should not silently turn indices read-only
            .put("cluster.routing.allocation.disk.threshold_enabled", false);
        if (!transportPort.isBlank()) builder.put("transport.port", transportPort);
        if (singleNode()) {
            builder.put("discovery.type", "single-node");
        } else {
            if (!seedHosts.isBlank()) builder.putList("discovery.seed_hosts", split(seedHosts));
            if (!initialMasterNodes.isBlank()) builder.putList("cluster.initial_master_nodes", split(initialMasterNodes));
        }
        for (String setting : extraSettings) {
            int eq = setting.indexOf('=');
            if (eq <= 0) throw new IllegalArgumentException("--setting wants key=value, got [" + setting + "]");
            String key = setting.substring(0, eq).trim();
            if (key.endsWith("host") || key.endsWith("bind_host") || key.startsWith("network.")) {
                throw new IllegalArgumentException("--setting " + key + ": the address is --host, and loopback only");
            }
            builder.put(key, setting.substring(eq + 1).trim());
        }
        return builder.build();
    }

    private static void requireLoopback(String host) {
        try {
            for (InetAddress address : InetAddress.getAllByName(host)) {
                if (!address.isLoopbackAddress()) {
                    throw new IllegalArgumentException("--host " + host + " is not a loopback address; this engine is for one machine");
                }
            }
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("--host " + host + ": unknown host", e);
        }
    }

    private static List<String> split(String list) {
        return List.of(list.trim().split("\\s*,\\s*"));
    }

    /** {@code --name value} or {@code --name=value}, else the environment variable, else the fallback. */
    private static String option(String[] args, String name, String env, String fallback) {
        List<String> given = all(args, name);
        if (!given.isEmpty()) return given.get(given.size() - 1);
        String value = System.getenv(env);
        return value == null || value.isBlank() ? fallback : value;
    }

    private static List<String> all(String[] args, String name) {
        List<String> values = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals(name) && i + 1 < args.length) values.add(args[++i]);
            else if (args[i].startsWith(name + "=")) values.add(args[i].substring(name.length() + 1));
        }
        return values;
    }

    /** {@code <repo>/.engine-es}, found from where this class was loaded ({@code <repo>/engine/elasticsearch/target/classes}). */
    private static Path defaultDir() {
        try {
            Path classes = Paths.get(LauncherOptions.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path repo = classes.getParent().getParent().getParent().getParent();
            if (Files.isDirectory(repo.resolve("engine").resolve("elasticsearch"))) return repo.resolve(".engine-es");
        } catch (Exception e) {
            // fall through: not run from a checkout
        }
        return Paths.get(".engine-es");
    }
}
