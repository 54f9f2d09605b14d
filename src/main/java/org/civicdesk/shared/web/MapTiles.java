package org.civicdesk.shared.web;

import java.net.URI;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.civicdesk.shared.web.MapSettings.TileProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.dialect.AbstractDialect;
import org.thymeleaf.dialect.IExpressionObjectDialect;
import org.thymeleaf.expression.IExpressionObjectFactory;

/**
 * The configured base map as pages and the security headers need it: the tile addresses the map
 * fragment ({@code fragments/map.html}) hands to the browser, and the exact origins that the
 * Content-Security-Policy lets images come from. Templates reach it as {@code #tiles}.
 */
@Component
@EnableConfigurationProperties(MapSettings.class)
public class MapTiles extends AbstractDialect implements IExpressionObjectDialect {

    private static final String NAME = "tiles";

    private final TileProvider provider;
    private final List<String> layers;
    private final String centre;

    MapTiles(MapSettings settings) {
        super("Civic Desk map tiles");
        this.provider = settings.provider();
        this.centre = settings.centreLat() + "," + settings.centreLon();
        this.layers = Arrays.stream(provider.layers())
                .map(layer -> settings.tiandituKey() == null ? layer : layer.replace("{key}", settings.tiandituKey()))
                .toList();
    }

    @Override
    public IExpressionObjectFactory getExpressionObjectFactory() {
        return new IExpressionObjectFactory() {
            @Override
            public Set<String> getAllExpressionObjectNames() {
                return Set.of(NAME);
            }

            @Override
            public Object buildObject(IExpressionContext context, String expressionObjectName) {
                return NAME.equals(expressionObjectName) ? MapTiles.this : null;
            }

            @Override
            public boolean isCacheable(String expressionObjectName) {
                return true;
            }
        };
    }

    public TileProvider provider() {
        return provider;
    }

    /** Where a map with no point looks: latitude and longitude in WGS-84, joined by a comma. */
    public String centre() {
        return centre;
    }

    /** The tile address templates, bottom layer first, joined by spaces (none contains one). */
    public String layers() {
        return String.join(" ", layers);
    }

    /** Every origin a tile can come from: each template with each of its servers. */
    public Set<String> origins() {
        Set<String> origins = new LinkedHashSet<>();
        List<String> servers = provider.subdomains().isEmpty() ? List.of("")
                : provider.subdomains().chars().mapToObj(c -> String.valueOf((char) c)).toList();
        for (String layer : layers) {
            for (String server : servers) {
                URI uri = URI.create(layer.replace("{s}", server).replaceAll("\\{[a-z]}", "0"));
                origins.add(uri.getScheme() + "://" + uri.getHost());
            }
        }
        return origins;
    }
}
