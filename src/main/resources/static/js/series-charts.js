// Draws the charts of the figures pages (a series' analytics, the handling report) with ECharts, from the
// tables printed beside them: the tables are what screen readers and printers get, and the charts never
// disagree with them. A chart element names its table (data-table), the columns to plot (data-columns,
// 0 = labels) and its type (data-chart: pie, bar or line). A cell's data-value, where it has one, is its
// number as written for people with separators and units removed; a cell with neither a data-value nor a
// number (a rate of nothing, written —) is drawn as no value rather than as zero.
(function () {
  'use strict';

  function value(cell) {
    var raw = cell.dataset.value !== undefined ? cell.dataset.value : cell.textContent.trim();
    var number = Number(raw);
    return raw === '' || isNaN(number) ? null : number;
  }

  function read(table, columns) {
    var headers = Array.prototype.map.call(table.tHead.rows[0].cells, function (c) { return c.textContent.trim(); });
    var rows = Array.prototype.slice.call(table.tBodies[0].rows);
    return {
      labels: rows.map(function (r) { return r.cells[0].textContent.trim(); }),
      series: columns.map(function (col) {
        return {
          name: headers[col],
          values: rows.map(function (r) { return value(r.cells[col]); })
        };
      })
    };
  }

  function option(type, data) {
    if (type === 'pie') {
      return {
        aria: { enabled: true },
        tooltip: { trigger: 'item' },
        legend: { bottom: 0 },
        series: [{
          type: 'pie', radius: ['35%', '65%'], name: data.series[0].name,
          data: data.labels.map(function (label, i) { return { name: label, value: data.series[0].values[i] }; })
        }]
      };
    }
    return {
      aria: { enabled: true },
      tooltip: { trigger: 'axis' },
      legend: { bottom: 0 },
      grid: { left: 40, right: 16, top: 16, bottom: 56 },
      xAxis: { type: 'category', data: data.labels, axisLabel: { interval: 0, hideOverlap: true } },
      yAxis: { type: 'value', minInterval: 1 },
      series: data.series.map(function (s) {
        return type === 'line' ? { type: 'line', name: s.name, data: s.values, connectNulls: false }
          : { type: 'bar', name: s.name, data: s.values };
      })
    };
  }

  function draw() {
    if (typeof echarts === 'undefined') {
      return;
    }
    document.querySelectorAll('[data-chart]').forEach(function (el) {
      var table = document.getElementById(el.dataset.table);
      if (!table || table.tBodies[0].rows.length === 0) {
        return;
      }
      var columns = el.dataset.columns.split(',').map(Number);
      var chart = echarts.init(el);
      chart.setOption(option(el.dataset.chart, read(table, columns)));
      el.dataset.drawn = 'true';
      window.addEventListener('resize', function () { chart.resize(); });
    });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', draw);
  } else {
    draw();
  }
}());
