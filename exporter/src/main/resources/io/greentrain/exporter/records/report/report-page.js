// Draws the report page's charts from the JSON in #report-data with the inlined ECharts (SVG renderer, so that tick
// labels and legends are text in the page). Values arrive already scaled to one unit per axis (ReportPage/AxisUnit).
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('report-data').textContent);
  var units = data.units;

  function number(v) {
    if (v === 0) { return '0'; }
    return String(Number(Number(v).toPrecision(3)));
  }
  function withUnit(unit) {
    return function (v) { return number(v) + ' ' + unit; };
  }
  function chart(id) {
    var element = document.getElementById(id);
    return element ? echarts.init(element, null, { renderer: 'svg' }) : null;
  }

  var timeline = chart('chart-timeline');
  if (timeline) {
    var lines = [];
    data.timeline.forEach(function (model) {
      lines.push({ name: model.name + ' energy', type: 'line', step: 'end', yAxisIndex: 0, showSymbol: true,
        data: model.points.map(function (p) { return [p[0], p[1]]; }) });
      lines.push({ name: model.name + ' CO2e', type: 'line', step: 'end', yAxisIndex: 1, showSymbol: false,
        lineStyle: { type: 'dashed' }, data: model.points.map(function (p) { return [p[0], p[2]]; }) });
    });
    timeline.setOption({
      animation: false,
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 90, right: 90, top: 60, bottom: 40 },
      xAxis: { type: 'time' },
      yAxis: [
        { type: 'value', name: 'energy (' + units.energy + ')', axisLabel: { formatter: withUnit(units.energy) } },
        { type: 'value', name: 'CO2e (' + units.mass + ')', axisLabel: { formatter: withUnit(units.mass) } }
      ],
      series: lines
    });
  }

  var components = chart('chart-components');
  if (components) {
    components.setOption({
      animation: false,
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: withUnit(units.energy) },
      legend: { top: 0 },
      grid: { left: 220, right: 40, top: 50, bottom: 40 },
      xAxis: { type: 'value', axisLabel: { formatter: withUnit(units.energy) } },
      yAxis: { type: 'category', data: data.components.categories },
      series: data.components.series.map(function (s) {
        return { name: s.name, type: 'bar', stack: 'energy', data: s.values };
      })
    });
  }

  var zones = chart('chart-zones');
  if (zones && data.zones.length > 0) {
    zones.setOption({
      animation: false,
      tooltip: { trigger: 'axis', valueFormatter: withUnit(units.mass) },
      grid: { left: 90, right: 40, top: 30, bottom: 140 },
      xAxis: { type: 'category', data: data.zones.map(function (z) { return z.label; }), axisLabel: { rotate: 20, interval: 0 } },
      yAxis: { type: 'value', name: 'CO2e', axisLabel: { formatter: withUnit(units.mass) } },
      series: [{ name: 'CO2e', type: 'bar', data: data.zones.map(function (z) { return z.value; }),
        label: { show: true, position: 'top', formatter: function (p) { return withUnit(units.mass)(p.value); } } }]
    });
  }
  document.body.setAttribute('data-charts', 'drawn');
}());
