package org.civicdesk.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.civicdesk.shared.web.MapSettings.Datum;
import org.civicdesk.shared.web.MapSettings.TileProvider;
import org.junit.jupiter.api.Test;

/** Each base map gives its tile addresses, its coordinate system and exactly the origins its tiles come from. */
class MapTilesTest {

    @Test
    void openStreetMapIsTheDefaultAndItsTilesComeFromOneOrigin() {
        MapTiles tiles = new MapTiles(new MapSettings(TileProvider.OPENSTREETMAP, null, 27.83, 113.13));
        assertThat(tiles.layers()).isEqualTo("https://tile.openstreetmap.org/{z}/{x}/{y}.png");
        assertThat(tiles.origins()).containsExactly("https://tile.openstreetmap.org");
        assertThat(tiles.provider().datum()).isEqualTo(Datum.WGS84);
        assertThat(tiles.centre()).isEqualTo("27.83,113.13");
    }

    @Test
    void tiandituCarriesItsKeyInBothLayersAndUsesItsEightServers() {
        MapTiles tiles = new MapTiles(new MapSettings(TileProvider.TIANDITU, "abc123def456", 27.83, 113.13));
        assertThat(tiles.layers().split(" ")).hasSize(2).allSatisfy(layer -> assertThat(layer)
                .startsWith("https://t{s}.tianditu.gov.cn/").endsWith("&tk=abc123def456"));
        assertThat(tiles.origins()).containsExactly("https://t0.tianditu.gov.cn", "https://t1.tianditu.gov.cn",
                "https://t2.tianditu.gov.cn", "https://t3.tianditu.gov.cn", "https://t4.tianditu.gov.cn",
                "https://t5.tianditu.gov.cn", "https://t6.tianditu.gov.cn", "https://t7.tianditu.gov.cn");
    }

    @Test
    void tiandituWithoutAKeyIsRefusedAtStart() {
        assertThatThrownBy(() -> new MapSettings(TileProvider.TIANDITU, null, 27.83, 113.13))
                .hasMessageContaining("civicdesk.map.tianditu-key");
        assertThatThrownBy(() -> new MapSettings(TileProvider.TIANDITU, "x\" onerror", 27.83, 113.13))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aMapDrawnInGcj02SaysSoAndItsTilesComeFromItsFourServers() {
        MapTiles tiles = new MapTiles(new MapSettings(TileProvider.AMAP, null, 27.83, 113.13));
        assertThat(tiles.provider().datum()).isEqualTo(Datum.GCJ02);
        assertThat(tiles.origins()).containsExactly("https://webrd01.is.autonavi.com", "https://webrd02.is.autonavi.com",
                "https://webrd03.is.autonavi.com", "https://webrd04.is.autonavi.com");
    }
}
