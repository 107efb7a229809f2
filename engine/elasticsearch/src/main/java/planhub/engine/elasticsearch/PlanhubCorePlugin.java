package planhub.engine.elasticsearch;

import java.util.Collection;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.apache.lucene.analysis.core.KeywordTokenizer;
import org.apache.lucene.analysis.core.WhitespaceTokenizer;
import org.apache.lucene.util.SetOnce;
import org.elasticsearch.cluster.node.DiscoveryNodes;
import org.elasticsearch.cluster.service.ClusterService;
import org.elasticsearch.features.NodeFeature;
import org.elasticsearch.index.analysis.PreConfiguredTokenizer;
import org.elasticsearch.plugins.ActionPlugin;
import org.elasticsearch.plugins.AnalysisPlugin;
import org.elasticsearch.plugins.Plugin;
import org.elasticsearch.rest.RestHandler;

/**
 * What PlanHub needs from the Elasticsearch modules that are not on Maven Central
 * ({@code rest-root}, {@code analysis-common}), rebuilt from server and Lucene classes.
 *
 * <ul>
 *   <li>{@code GET /} and {@code HEAD /} ({@link RootRestHandler}): the clients' {@code info()}
 *       and {@code ping()}; without rest-root they answer 405.</li>
 *   <li>The {@code whitespace} and {@code keyword} tokenizers, which PlanHub's analyzers
 *       {@code planhub_ws} and {@code planhub_exact} use. The server has only {@code standard};
 *       the {@code lowercase} filter is in the server already. Registered pre-configured
 *       (no settings such as {@code max_token_length}), which is all PlanHub asks of them.</li>
 * </ul>
 */
public final class PlanhubCorePlugin extends Plugin implements ActionPlugin, AnalysisPlugin {

    private final SetOnce<ClusterService> clusterService = new SetOnce<>();

    @Override
    public Collection<?> createComponents(PluginServices services) {
        clusterService.set(services.clusterService());
        return List.of();
    }

    @Override
    public Collection<RestHandler> getRestHandlers(
        RestHandlersServices services,
        Supplier<DiscoveryNodes> nodes,
        Predicate<NodeFeature> clusterSupportsFeature
    ) {
        return List.of(new RootRestHandler(clusterService::get));
    }

    @Override
    public List<PreConfiguredTokenizer> getPreConfiguredTokenizers() {
        return List.of(
            PreConfiguredTokenizer.singleton("whitespace", WhitespaceTokenizer::new),
            PreConfiguredTokenizer.singleton("keyword", KeywordTokenizer::new)
        );
    }
}
