// Draws the public map of places with Leaflet, from the table printed beside it: the table is what
// screen readers, keyboards and printers use, and the map never disagrees with it. Each row carries
// its place's coordinates (data-lat, data-lon), name and page (data-href). When Leaflet did not load
// or tiles cannot be fetched (offline, blocked), the table still lists every place.
(function () {
  'use strict';

  function draw() {
    var element = document.getElementById('places-map');
    var table = document.getElementById('places-table');
    if (!element || !table || typeof L === 'undefined') {
      return;
    }
    var rows = Array.prototype.slice.call(table.querySelectorAll('tbody tr[data-lat]'));
    var map = L.map(element, { scrollWheelZoom: false });
    L.tileLayer(element.dataset.tiles, { maxZoom: 18, attribution: element.dataset.attribution }).addTo(map);
    var points = [];
    rows.forEach(function (row) {
      var point = [Number(row.dataset.lat), Number(row.dataset.lon)];
      points.push(point);
      // Leaflet renders a string given to a popup or tooltip as HTML, and a place's name is whatever
      // someone typed: both get DOM nodes whose text is set, never markup.
      var link = document.createElement('a');
      link.href = row.dataset.href;
      link.textContent = row.dataset.name;
      var label = document.createElement('span');
      label.textContent = row.dataset.name;
      L.circleMarker(point, { radius: 7, color: '#b3261e', weight: 2, fillOpacity: 0.6 })
        .bindPopup(link).bindTooltip(label).addTo(map);
    });
    if (points.length > 0) {
      map.fitBounds(points, { padding: [20, 20], maxZoom: 12 });
    } else {
      map.setView([27.83, 113.13], 9);
    }
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', draw);
  } else {
    draw();
  }
})();
