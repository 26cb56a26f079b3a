import {currentToken, signIn, signOut, userName} from './auth.js';

const STATE_COLOURS = {
  IN_STOCK: '#2e9d5b', LOW: '#e0a100', BACKORDER: '#8a5cc7', OUT_OF_STOCK: '#d64545', UNKNOWN: '#8c93a1',
};
const STATES = Object.keys(STATE_COLOURS);
const body = document.body;
const status = document.getElementById('status');
let config;
let token;

function params() {
  const merged = new URLSearchParams(location.search);
  new URLSearchParams(location.hash.slice(1)).forEach((v, k) => merged.set(k, v));
  return merged;
}

async function api(path) {
  const response = await fetch(path, {headers: {Authorization: 'Bearer ' + token, Accept: 'application/json'}});
  if (!response.ok) {
    let detail = response.statusText;
    try { detail = (await response.json()).detail || detail; } catch (e) { /* not a problem body */ }
    throw new Error(path.split('?')[0] + ': ' + response.status + ' ' + detail);
  }
  return response.json();
}

function fmt(v, digits = 0) {
  if (v === null || v === undefined) return '–';
  return Number(v).toLocaleString('en-US', {maximumFractionDigits: digits, minimumFractionDigits: digits});
}

function pct(v) {
  return v === null || v === undefined ? '–' : fmt(v * 100, 1) + ' %';
}

function tiles(report) {
  const t = report.totals;
  const items = [
    ['Clicks', fmt(t.clicks)], ['Conversions', fmt(t.conversions)], ['Revenue', fmt(t.revenue, 2)],
    ['Conversion rate', pct(t.conversionRate)], ['Revenue / click', fmt(t.revenuePerClick, 2)],
    ['CTR', pct(report.ctr)], ['Clicks lost to out-of-stock', fmt(report.lostToOutOfStock.clicks)],
    ['Estimated lost revenue', fmt(report.lostToOutOfStock.estimatedLostRevenue, 2)],
  ];
  document.getElementById('tiles').innerHTML = items
    .map(([label, value]) => `<div class="tile"><b>${value}</b><span>${label}</span></div>`).join('');
}

function chart(id) {
  const el = document.getElementById(id);
  const existing = echarts.getInstanceByDom(el);
  if (existing) existing.dispose();
  const c = echarts.init(el, null, {renderer: 'canvas'});
  c.on('finished', () => { el.dataset.drawn = 'true'; });
  return c;
}

function timelineChart(timeline) {
  const hours = [...new Set(timeline.buckets.map(b => b.hour))].sort();
  const series = STATES.map(state => ({
    name: state, type: 'bar', stack: 'clicks', itemStyle: {color: STATE_COLOURS[state]},
    data: hours.map(h => {
      const b = timeline.buckets.find(x => x.hour === h && x.stockState === state);
      return [h, b ? b.clicks : 0];
    }),
  })).filter(s => s.data.some(d => d[1] > 0));
  const marks = timeline.transitions.map(t => ({
    xAxis: t.at, name: `${t.sku} ${t.market}: ${t.previousState || '?'} → ${t.state}`,
    lineStyle: {color: STATE_COLOURS[t.state] || '#555', type: 'dashed', width: 2},
    label: {formatter: `${t.sku} → ${t.state}`, color: STATE_COLOURS[t.state] || '#555'},
  }));
  const alerts = timeline.alerts.map(a => ({
    xAxis: a.raisedAt, name: a.subject, lineStyle: {color: '#b0002a', type: 'solid', width: 2},
    label: {formatter: `alert: ${a.type || a.subject}`, color: '#b0002a', position: 'insideEndTop'},
  }));
  if (series.length === 0) {
    series.push({name: 'clicks', type: 'bar', data: []});
  }
  series[0].markLine = {symbol: 'none', data: marks.concat(alerts), animation: false};
  chart('chart-timeline').setOption({
    animation: false, tooltip: {trigger: 'axis'}, legend: {top: 0},
    grid: {left: 50, right: 20, top: 40, bottom: 40},
    xAxis: {type: 'time'}, yAxis: {type: 'value', name: 'clicks / hour'}, series,
  });
}

function funnelChart(report) {
  const rows = report.rows;
  const states = rows.map(r => r.stockState);
  const steps = [['clicks', 'Clicks'], ['addToCarts', 'Add to cart'], ['conversions', 'Purchases'],
    ['waitlistSignups', 'Waitlist sign-ups'], ['bounces', 'Bounces']];
  chart('chart-funnel').setOption({
    animation: false, tooltip: {trigger: 'axis'}, legend: {top: 0},
    grid: {left: 50, right: 20, top: 40, bottom: 40},
    xAxis: {type: 'category', data: states,
      axisLabel: {color: (v) => STATE_COLOURS[v] || '#333', fontWeight: 'bold'}},
    yAxis: {type: 'value'},
    series: steps.map(([key, name]) => ({name, type: 'bar', data: rows.map(r => r[key])})),
  });
}

function opsChart(ops) {
  const bars = [
    ['Promoted SKUs in stock at click', ops.promotedSkuInStockRate],
    ['Live links passing last audit', ops.audits.passingShare],
  ];
  chart('chart-ops').setOption({
    animation: false, grid: {left: 200, right: 40, top: 20, bottom: 30},
    xAxis: {type: 'value', min: 0, max: 100, axisLabel: {formatter: '{value} %'}},
    yAxis: {type: 'category', data: bars.map(b => b[0])},
    series: [{type: 'bar', label: {show: true, position: 'right', formatter: (p) => fmt(p.value, 1) + ' %'},
      data: bars.map(b => ({value: b[1] === null ? 0 : Math.round(b[1] * 1000) / 10,
        itemStyle: {color: b[1] === null || b[1] >= 0.9 ? '#2e9d5b' : b[1] >= 0.7 ? '#e0a100' : '#d64545'}}))}],
  });
  const facts = [
    ['Availability signals', fmt(ops.feedLag.signals)], ['Feed lag avg', fmt(ops.feedLag.avgMs) + ' ms'],
    ['Feed lag p95', fmt(ops.feedLag.p95Ms) + ' ms'],
    ['Live links', `${fmt(ops.audits.liveLinks)} (${fmt(ops.audits.auditedLiveLinks)} audited)`],
    ['Events waiting for their click', fmt(ops.unattachedEvents)],
  ];
  document.getElementById('ops-facts').innerHTML = facts.map(([k, v]) => `<dt>${k}</dt><dd>${v}</dd>`).join('');
}

async function load() {
  const p = params();
  const form = document.getElementById('filters');
  for (const name of ['campaign', 'link', 'from', 'to']) {
    if (p.get(name)) form.elements[name].value = p.get(name);
  }
  form.elements.includeBots.checked = p.get('includeBots') === 'true';
  const campaign = form.elements.campaign.value.trim();
  if (!campaign) {
    status.textContent = 'Choose a campaign.';
    return;
  }
  const range = new URLSearchParams();
  if (form.elements.from.value) range.set('from', form.elements.from.value);
  if (form.elements.to.value) range.set('to', form.elements.to.value);
  if (form.elements.includeBots.checked) range.set('includeBots', 'true');
  const link = form.elements.link.value.trim();
  const c = encodeURIComponent(campaign);
  status.textContent = 'Loading…';
  body.dataset.ready = 'false';
  const [report, timeline, ops] = await Promise.all([
    api(`/api/reports/campaigns/${c}?groupBy=stockState&${range}` + (link ? `&link=${encodeURIComponent(link)}` : '')),
    api((link ? `/api/reports/links/${encodeURIComponent(link)}/timeline?` : `/api/reports/campaigns/${c}/timeline?`) + range),
    api(`/api/reports/ops?campaign=${c}&${range}`),
  ]);
  tiles(report);
  timelineChart(timeline);
  funnelChart(report);
  opsChart(ops);
  status.textContent = `${campaign}: ${fmt(report.totals.clicks)} clicks, ${timeline.transitions.length} stock transitions, `
    + `${timeline.alerts.length} alerts (${report.source}).`;
  body.dataset.ready = 'true';
}

async function main() {
  config = await (await fetch('/api/dashboard/config')).json();
  document.getElementById('signin').onclick = () => signIn(config);
  document.getElementById('signout').onclick = () => signOut(config);
  token = await currentToken(config);
  if (!token) {
    document.getElementById('signin').hidden = false;
    status.textContent = 'Sign in with your LinkOps account to see reports.';
    body.dataset.ready = 'signed-out';
    return;
  }
  document.getElementById('who').textContent = userName(token);
  document.getElementById('signout').hidden = false;
  document.getElementById('filters').addEventListener('submit', (e) => {
    e.preventDefault();
    const form = e.target;
    const q = new URLSearchParams();
    for (const name of ['campaign', 'link', 'from', 'to']) if (form.elements[name].value) q.set(name, form.elements[name].value);
    if (form.elements.includeBots.checked) q.set('includeBots', 'true');
    history.replaceState(null, '', location.pathname + '?' + q);
    load().catch(fail);
  });
  await load();
  window.addEventListener('resize', () => document.querySelectorAll('.chart').forEach(el => {
    const c = echarts.getInstanceByDom(el);
    if (c) c.resize();
  }));
}

function fail(e) {
  status.textContent = 'Could not load the reports: ' + e.message;
  body.dataset.ready = 'error';
  body.dataset.error = e.message;
}

main().catch(fail);
