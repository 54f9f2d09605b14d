package org.civicdesk.shared.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the maps' base tiles come from ({@code civicdesk.map.*}). OpenStreetMap's tiles are often slow or
 * blocked in mainland China; Tianditu (天地图), the national service, needs a key of its own (a "browser"
 * key bound to the site's domain, since the browser sends it with each tile); AMap (高德) draws its tiles in
 * GCJ-02 (国测局坐标), so the maps move each point into that system before drawing it.
 *
 * @param provider {@code OPENSTREETMAP} (the default), {@code TIANDITU} or {@code AMAP}
 *        (CIVICDESK_MAP_PROVIDER)
 * @param tiandituKey the Tianditu key (CIVICDESK_MAP_TIANDITU_KEY), required with {@code TIANDITU}
 * @param centreLat where a map with nothing on it looks, in WGS-84 degrees north: the city's centre
 * @param centreLon the same, degrees east
 */
@ConfigurationProperties("civicdesk.map")
public record MapSettings(@DefaultValue("OPENSTREETMAP") TileProvider provider, String tiandituKey,
        @DefaultValue("27.83") double centreLat, @DefaultValue("113.13") double centreLon) {

    public MapSettings {
        if (provider == TileProvider.TIANDITU && (tiandituKey == null || !tiandituKey.matches("[0-9A-Za-z]{8,64}"))) {
            throw new IllegalArgumentException(
                    "civicdesk.map.provider=TIANDITU needs civicdesk.map.tianditu-key, the key Tianditu issued");
        }
    }

    /** Which coordinate system a provider's tiles are drawn in. */
    public enum Datum {
        /** WGS-84, as GPS and the places' coordinates are; Tianditu's CGCS2000 lies within centimetres of it. */
        WGS84,
        /** GCJ-02, the system mainland Chinese commercial maps must use. */
        GCJ02
    }

    /** A base map service that the maps can draw. */
    public enum TileProvider {
        OPENSTREETMAP(Datum.WGS84, 19, "", "https://tile.openstreetmap.org/{z}/{x}/{y}.png"),
        TIANDITU(Datum.WGS84, 18, "01234567",
                "https://t{s}.tianditu.gov.cn/vec_w/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=vec"
                        + "&STYLE=default&TILEMATRIXSET=w&FORMAT=tiles&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk={key}",
                // Tianditu's vector map carries no names; its label layer is drawn over it.
                "https://t{s}.tianditu.gov.cn/cva_w/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=cva"
                        + "&STYLE=default&TILEMATRIXSET=w&FORMAT=tiles&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk={key}"),
        AMAP(Datum.GCJ02, 18, "1234",
                "https://webrd0{s}.is.autonavi.com/appmaptile?lang=zh_cn&size=1&scale=1&style=8&x={x}&y={y}&z={z}");

        private final Datum datum;
        private final int maxZoom;
        private final String subdomains;
        private final String[] layers;

        TileProvider(Datum datum, int maxZoom, String subdomains, String... layers) {
            this.datum = datum;
            this.maxZoom = maxZoom;
            this.subdomains = subdomains;
            this.layers = layers;
        }

        public Datum datum() {
            return datum;
        }

        public int maxZoom() {
            return maxZoom;
        }

        /** The characters that Leaflet puts in place of {@code {s}}, one per tile server. */
        public String subdomains() {
            return subdomains;
        }

        /** The tile address templates, bottom layer first, still holding {@code {key}}. */
        String[] layers() {
            return layers.clone();
        }
    }
}
