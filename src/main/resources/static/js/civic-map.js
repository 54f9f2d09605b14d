// Draws every map that the fragment fragments/map.html put on the page (.civic-map): the configured
// base map's tiles, one marker per point, shaped and coloured by its category and sized by its tier as
// the legend beside it says, gathered into clusters where they crowd. Markers and clusters are buttons
// that the keyboard reaches (Enter opens a marker's link, or zooms into a cluster); their names are
// text, never markup. When Leaflet did not load or tiles cannot be fetched (offline, blocked), the
// page's own list of the points still carries it.
(function () {
  'use strict';

  function text(tag, className, content) {
    var element = document.createElement(tag);
    if (className) {
      element.className = className;
    }
    element.textContent = content;
    return element;
  }

  // Points are recorded in WGS-84; tiles drawn in GCJ-02 (AMap) need them moved by gcoord first.
  function project(datum, lat, lon) {
    if (datum === 'GCJ02' && typeof gcoord !== 'undefined') {
      var moved = gcoord.transform([lon, lat], gcoord.WGS84, gcoord.GCJ02);
      return [moved[1], moved[0]];
    }
    return [lat, lon];
  }

  function marker(point, data, datum) {
    var category = data.categories[point.category];
    var tier = point.tier == null ? 1 : data.tiers[point.tier];
    var html = document.createElement('span');
    html.appendChild(text('span', 'civic-marker civic-cat-' + category + ' civic-tier-' + tier, ''));
    html.lastChild.setAttribute('aria-hidden', 'true');
    html.appendChild(text('span', 'visually-hidden', point.name));
    var size = [28, 22, 18][tier] || 22;
    var icon = L.divIcon({ html: html, className: 'civic-marker-icon', iconSize: [size, size] });
    var result = L.marker(project(datum, Number(point.lat), Number(point.lon)), { icon: icon, keyboard: true });
    var popup = point.href ? text('a', '', point.name) : text('span', '', point.name);
    if (point.href) {
      popup.href = point.href;
    }
    return result.bindPopup(popup).bindTooltip(text('span', '', point.name));
  }

  function clusterIcon(label) {
    return function (cluster) {
      var count = cluster.getChildCount();
      var html = document.createElement('span');
      html.appendChild(text('span', '', String(count))).setAttribute('aria-hidden', 'true');
      html.appendChild(text('span', 'visually-hidden', label.replace('{0}', count)));
      return L.divIcon({ html: html, className: 'civic-cluster', iconSize: [38, 38] });
    };
  }

  function draw(element) {
    var data = JSON.parse(element.dataset.map);
    var datum = element.dataset.datum;
    var map = L.map(element, { scrollWheelZoom: false });
    element.dataset.tiles.split(' ').forEach(function (template, index) {
      L.tileLayer(template, {
        subdomains: element.dataset.subdomains || 'abc',
        maxZoom: Number(element.dataset.maxZoom),
        attribution: index === 0 ? element.dataset.attribution : ''
      }).addTo(map);
    });
    var group = typeof L.markerClusterGroup === 'function'
      ? L.markerClusterGroup({ iconCreateFunction: clusterIcon(element.dataset.clusterLabel), maxClusterRadius: 50 })
      : L.layerGroup();
    var points = data.points.map(function (point) {
      var m = marker(point, data, datum);
      group.addLayer(m);
      return m.getLatLng();
    });
    map.addLayer(group);
    if (points.length > 1) {
      map.fitBounds(points, { padding: [20, 20], maxZoom: 12 });
    } else if (points.length === 1) {
      map.setView(points[0], 13);
    } else {
      var centre = element.dataset.centre.split(',').map(Number);
      map.setView(project(datum, centre[0], centre[1]), 9);
    }
    // Tells tests and assistive tools how many points the map holds, whether shown singly or in clusters.
    element.dataset.points = String(points.length);
  }

  function drawAll() {
    if (typeof L === 'undefined') {
      return;
    }
    Array.prototype.forEach.call(document.querySelectorAll('.civic-map[data-map]'), draw);
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', drawAll);
  } else {
    drawAll();
  }
})();
