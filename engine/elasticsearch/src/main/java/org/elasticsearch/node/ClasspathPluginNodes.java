package org.elasticsearch.node;

import java.util.Collection;

import org.elasticsearch.env.Environment;
import org.elasticsearch.plugins.MockPluginsService;
import org.elasticsearch.plugins.Plugin;
import org.elasticsearch.plugins.PluginsLoader;
import org.elasticsearch.plugins.PluginsService;

/**
 * Builds an Elasticsearch {@link Node} whose plugins are classes on the classpath.
 *
 * <p>PlanHub's only class in Elasticsearch's package, and the only place it reaches into
 * package-private code. Elasticsearch 9's public {@code Node(Environment, PluginsLoader)} loads
 * plugins from module folders of a packaged distribution; Maven Central has the jars but no such
 * folders. The way in that takes plain classes is {@code Node(NodeConstruction)} with
 * {@code NodeConstruction.prepareConstruction(..., NodeServiceProvider, ...)}, all package-private,
 * hence this package. The test framework's {@code MockNode} builds its nodes the same way; we do
 * not use MockNode itself because it needs the test runtime ({@code ESTestCase}).
 *
 * <p>{@link MockPluginsService} (from the test framework jar, without its dependencies) is the
 * server's {@link PluginsService} fed with plugin classes instead of plugin folders. Every other
 * service of the node is the production one: only {@code newPluginService} is overridden.
 */
public final class ClasspathPluginNodes {

    private ClasspathPluginNodes() {}

    /** A node (not yet started) with these plugin classes loaded as if they were its modules. */
    public static Node create(Environment environment, Collection<Class<? extends Plugin>> plugins) {
        NodeServiceProvider services = new NodeServiceProvider() {
            @Override
            PluginsService newPluginService(Environment env, PluginsLoader ignoredLoader) {
                return new MockPluginsService(env.settings(), env, plugins);
            }
        };
        // null PluginsLoader: nothing is read from module or plugin folders (MockNode passes null too).
        // true: forbid private index settings, as a production node does.
        return new Node(NodeConstruction.prepareConstruction(environment, null, services, true));
    }
}
