// The live dashboard: one server-sent event per second carries a whole snapshot (see DashboardSnapshot).
'use strict';

const S = Sentinel;
const MAX_POINTS = 120;
let throughputChart;
let scoreChart;
let points = 0;

function makeCharts() {
  Chart.defaults.color = '#b8c2cc';
  Chart.defaults.borderColor = 'rgba(255,255,255,0.08)';
  Chart.defaults.animation = false;
  throughputChart = new Chart(document.getElementById('throughput-chart'), {
    type: 'line',
    data: {labels: [], datasets: [
      {label: 'transactions in', data: [], borderColor: '#4fa3ff', pointRadius: 0, tension: 0.2, yAxisID: 'y'},
      {label: 'scored', data: [], borderColor: '#47d18c', pointRadius: 0, tension: 0.2, yAxisID: 'y'},
      {label: 'alerts', data: [], borderColor: '#ff6b6b', pointRadius: 0, tension: 0.2, yAxisID: 'y2'},
      {label: 'actions', data: [], borderColor: '#ffb347', pointRadius: 0, tension: 0.2, yAxisID: 'y2'},
    ]},
    options: {
      maintainAspectRatio: false,
      interaction: {mode: 'index', intersect: false},
      scales: {
        y: {beginAtZero: true, title: {display: true, text: 'transactions /s'}},
        y2: {beginAtZero: true, position: 'right', grid: {drawOnChartArea: false}, title: {display: true, text: 'alerts, actions /s'}},
      },
    },
  });
  scoreChart = new Chart(document.getElementById('score-chart'), {
    type: 'bar',
    data: {labels: [], datasets: [{label: 'decisions', data: [], backgroundColor: []}]},
    options: {
      maintainAspectRatio: false,
      plugins: {legend: {display: false}},
      scales: {y: {type: 'logarithmic', title: {display: true, text: 'decisions (log)'}}, x: {title: {display: true, text: 'score'}}},
    },
  });
}

function appendPoint(point) {
  const data = throughputChart.data;
  data.labels.push(S.time(point.time));
  data.datasets[0].data.push(point.transactions_in);
  data.datasets[1].data.push(point.scored);
  data.datasets[2].data.push(point.alerts_raised);
  data.datasets[3].data.push(point.actions_taken);
  if (data.labels.length > MAX_POINTS) {
    data.labels.shift();
    data.datasets.forEach(d => d.data.shift());
  }
  points++;
}

let lastPointTime = null;

function showThroughput(snapshot) {
  const fresh = snapshot.series.filter(p => lastPointTime === null || p.time > lastPointTime);
  fresh.forEach(appendPoint);
  if (fresh.length > 0) {
    lastPointTime = fresh[fresh.length - 1].time;
    throughputChart.update();
  }
  const canvas = document.getElementById('throughput-chart');
  canvas.dataset.points = String(points);
  const latest = snapshot.latest;
  document.getElementById('rate-in').textContent = latest ? S.number(latest.transactions_in) : '–';
  document.getElementById('rate-scored').textContent = latest ? S.number(latest.scored) : '–';
  document.getElementById('rate-alerts').textContent = latest ? S.number(latest.alerts_raised, 1) : '–';
  document.getElementById('rate-actions').textContent = latest ? S.number(latest.actions_taken, 1) : '–';
  document.getElementById('fraud-rate').textContent = S.percent(snapshot.fraud_rate);
}

function showScores(snapshot) {
  const buckets = snapshot.score_distribution;
  scoreChart.data.labels = buckets.map(b => b.from.toFixed(2));
  scoreChart.data.datasets[0].data = buckets.map(b => b.count || null);
  scoreChart.data.datasets[0].backgroundColor = buckets.map(b => b.from >= 0.7 ? '#ff6b6b' : b.from >= 0.5 ? '#ffb347' : '#4fa3ff');
  scoreChart.update();
}

// A panel under the mouse is not redrawn, so what is read or clicked stays put; it catches up on leaving.
function held(container) {
  const hovered = container.matches(':hover');
  container.closest('.panel').classList.toggle('held', hovered);
  return hovered;
}

function showAlerts(snapshot) {
  const container = document.getElementById('alerts');
  if (snapshot.alerts.length === 0 || held(container)) return;
  S.replace(container, ...snapshot.alerts.map(a => S.el('div', {class: 'alert', 'data-alert-id': a.alert_id},
    S.el('div', {class: 'alert-head'},
      S.severity(a.severity), ' ',
      S.el('strong', {text: a.score.toFixed(3)}), ' ',
      S.userLink(a.user_id), ' ',
      S.el('span', {class: 'muted', text: [a.amount !== null ? S.number(a.amount, 2) + ' ' + (a.currency || '') : null,
        a.merchant, [a.city, a.country].filter(Boolean).join(', ')].filter(Boolean).join(' · ')}),
      S.el('span', {class: 'muted right', text: S.time(a.time)})),
    S.el('ul', {class: 'reasons'}, ...a.reasons.map(r => S.el('li', {},
      S.el('code', {text: r.code}), ' ', r.detail,
      r.source === 'model' ? S.el('span', {class: 'source-model', title: 'given by the model in force', text: 'model'}) : null))))));
}

function figure(part, name) {
  const v = part && part[name];
  return typeof v === 'number' ? v.toFixed(4) : '–';
}

function showModel(snapshot) {
  const container = document.getElementById('model');
  const m = snapshot.model;
  if (!m) {
    S.replace(container, S.el('p', {class: 'muted', text: 'No model in force: the rules score alone. '
      + 'A model is trained once labels have come back (sentinel model train, then model promote).'}));
    return;
  }
  const h = m.holdout || {};
  const counts = m.label_counts || {};
  S.replace(container,
    S.el('p', {}, S.el('strong', {text: 'Model ' + m.version}), ' in force',
      S.el('span', {class: 'muted', text: (m.promoted_at ? ' since ' + S.time(m.promoted_at) : '')
        + ' · trained on ' + S.number((counts.training_fraud || 0) + (counts.training_legit || 0))
        + ' labelled decisions (' + S.number(counts.training_fraud || 0) + ' fraud)'})),
    S.el('table', {class: 'compact'},
      S.el('thead', {}, S.el('tr', {}, S.el('th', {text: 'Holdout'}), S.el('th', {text: 'ROC AUC'}),
        S.el('th', {text: 'PR-AUC'}), S.el('th', {text: 'Precision @ threshold'}), S.el('th', {text: 'Recall @ threshold'}))),
      S.el('tbody', {}, ...['model', 'rules'].map(who => S.el('tr', {},
        S.el('td', {text: who}), S.el('td', {class: 'num', text: figure(h[who], 'roc_auc')}),
        S.el('td', {class: 'num', text: figure(h[who], 'pr_auc')}),
        S.el('td', {class: 'num', text: figure(h[who], 'precision_at_threshold')}),
        S.el('td', {class: 'num', text: figure(h[who], 'recall_at_threshold')}))))));
}

/** One PSI as a bar on a scale from 0 to {@code top}, the rule's limit drawn as a line. */
function psiRow(name, psi, limit, top) {
  const width = Math.min(100, 100 * psi / top);
  return S.el('div', {class: 'psi-row' + (psi > limit ? ' psi-over' : '')},
    S.el('span', {class: 'psi-name', text: name}),
    S.el('span', {class: 'psi-track'},
      S.el('span', {class: 'psi-bar', style: 'width:' + width.toFixed(1) + '%'}),
      S.el('span', {class: 'psi-limit', style: 'left:' + (100 * limit / top).toFixed(1) + '%', title: 'limit ' + limit})),
    S.el('span', {class: 'num psi-value', text: psi.toFixed(3)}));
}

function showDrift(snapshot) {
  const container = document.getElementById('drift');
  const d = snapshot.drift;
  if (!d) {
    S.replace(container, S.el('p', {class: 'muted', text: 'No detector in this process.'}));
    return;
  }
  const minutes = Math.round(d.window_seconds / 60);
  if (d.state === 'no_champion') {
    S.replace(container, S.el('p', {class: 'muted', text: 'No champion model: the rules score alone, nothing to drift.'}));
    return;
  }
  if (d.state === 'no_reference') {
    S.replace(container, S.el('p', {class: 'muted', text: 'Model ' + d.model_version
      + ' was trained before drift was measured (no reference in the registry); train a new one to measure it.'}));
    return;
  }
  if (d.state === 'collecting') {
    S.replace(container, S.el('p', {class: 'muted', text: 'Model ' + d.model_version + ': collecting ('
      + S.number(d.decisions) + ' of ' + S.number(d.min_decisions) + ' decisions in the last ' + minutes + ' min).'}));
    return;
  }
  const top = Math.max(2 * d.limit, d.max_psi, 0.5);
  const over = d.max_psi > d.limit;
  S.replace(container,
    S.el('p', {}, S.el('strong', {text: 'Model ' + d.model_version}),
      S.el('span', {class: over ? 'state-firing' : 'muted', text: ' · largest PSI ' + d.max_psi.toFixed(3) + ' (' + d.worst + ')'
        + (over ? ' above' : ' within') + ' the limit ' + d.limit}),
      S.el('span', {class: 'muted', text: ' · ' + S.number(d.decisions) + ' decisions in the last ' + minutes + ' min'})),
    S.el('div', {class: 'psi-list'},
      psiRow('score', d.score_psi, d.limit, top),
      ...d.inputs.map(i => psiRow(i.input, i.psi, d.limit, top))));
}

function showActions(snapshot) {
  const container = document.getElementById('actions');
  if (snapshot.actions.length === 0 || held(container)) return;
  S.replace(container, ...snapshot.actions.map(a => S.el('div', {class: 'action'},
    S.el('span', {class: 'action-type action-' + a.action_type, text: a.action_type}), ' ',
    S.userLink(a.user_id), ' ',
    a.severity ? S.severity(a.severity) : null, ' ',
    S.el('span', {class: 'muted', text: a.actor === 'responder' ? a.reasons.join(', ') : a.actor + (a.note ? ': ' + a.note : '')}),
    S.el('span', {class: 'muted right', text: S.time(a.time)}))));
}

function showRiskiest(snapshot) {
  if (held(document.getElementById('riskiest'))) return;
  S.replace(document.getElementById('riskiest'), ...snapshot.riskiest_users.map(u => S.el('tr', {},
    S.el('td', {}, S.userLink(u.user_id)),
    S.el('td', {class: 'num', text: S.number(u.alerts)}),
    S.el('td', {class: 'num', text: u.max_score.toFixed(3)}),
    S.el('td', {}, S.severity(u.last_severity)),
    S.el('td', {text: u.last_action || '–'}))));
}

function showHealth(snapshot) {
  const badge = document.getElementById('health');
  const health = snapshot.health;
  if (!health) {
    badge.textContent = 'no health rules';
    return;
  }
  badge.textContent = 'health ' + health.status;
  badge.className = 'badge ' + (health.status === 'UP' ? 'ok' : 'bad');
  S.replace(document.getElementById('health-rules'), ...health.rules.map(r => S.el('tr', {},
    S.el('td', {text: r.rule}),
    S.el('td', {}, S.el('span', {class: 'state-' + r.state, text: r.state})),
    S.el('td', {class: 'num', text: r.value === null ? '–' : S.number(r.value, 3)}),
    S.el('td', {class: 'num', text: S.number(r.threshold, 3)}))));
}

function showTotals(snapshot) {
  const t = snapshot.totals;
  S.replace(document.getElementById('totals'), ...[
    ['transactions', t.transactions], ['scored', t.scored], ['alerts', t.alerts], ['actions', t.actions],
    ['unreadable (skipped here)', t.unreadable]].map(([name, value]) =>
    S.el('tr', {}, S.el('td', {text: name}), S.el('td', {class: 'num', text: S.number(value)}))));
}

function showLag(snapshot) {
  const container = document.getElementById('lag');
  if (snapshot.lag.length === 0 || held(container)) return;
  const groups = new Map();
  snapshot.lag.forEach(row => {
    if (!groups.has(row.group)) groups.set(row.group, []);
    groups.get(row.group).push(row);
  });
  let total = 0;
  const open = new Set([...container.querySelectorAll('details[open]')].map(d => d.dataset.group));
  const sections = [...groups.entries()].map(([group, rows]) => {
    const lag = rows.reduce((sum, r) => sum + (r.lag || 0), 0);
    total += lag;
    const members = new Set(rows.map(r => r.consumer_id).filter(Boolean)).size;
    return S.el('details', {'data-group': group, open: open.has(group) ? '' : null},
      S.el('summary', {}, S.el('strong', {text: group}), ` lag ${S.number(lag)} · ${rows.length} partitions · ${members} member(s)`),
      S.el('table', {class: 'compact'},
        S.el('thead', {}, S.el('tr', {}, ...['Topic', 'Partition', 'Committed', 'Log end', 'Lag', 'Owner'].map(h => S.el('th', {text: h})))),
        S.el('tbody', {}, ...rows.map(r => S.el('tr', {class: r.lag > 1000 ? 'behind' : null},
          S.el('td', {text: r.topic}), S.el('td', {class: 'num', text: r.partition}),
          S.el('td', {class: 'num', text: r.current_offset === null ? '–' : S.number(r.current_offset)}),
          S.el('td', {class: 'num', text: S.number(r.log_end_offset)}),
          S.el('td', {class: 'num', text: r.lag === null ? '–' : S.number(r.lag)}),
          S.el('td', {class: 'muted', text: r.client_id ? `${r.client_id} ${r.host || ''}` : 'none'}))))));
  });
  S.replace(container, ...sections);
  document.getElementById('lag-total').textContent = S.number(total);
}

function show(snapshot) {
  // Each panel on its own: one that cannot draw a value must not freeze the others.
  for (const panel of [showThroughput, showScores, showAlerts, showActions, showRiskiest, showHealth, showTotals, showLag, showModel, showDrift]) {
    try {
      panel(snapshot);
    } catch (e) {
      console.error('dashboard panel failed', panel.name, e);
    }
  }
  document.getElementById('updated').textContent = S.time(snapshot.time);
}

// Review cases: read from the case API every few seconds; assign and resolve by clicking.
async function loadCases(force = false) {
  const container = document.getElementById('cases');
  if (!force && held(container)) return;
  try {
    const [open, inReview] = await Promise.all([
      S.json('/api/cases?status=open&limit=15'), S.json('/api/cases?status=in_review&limit=15')]);
    const cases = [...inReview.cases, ...open.cases];
    if (cases.length === 0) {
      S.replace(container, S.el('p', {class: 'muted', text: 'No open cases.'}));
      return;
    }
    S.replace(container, S.el('table', {class: 'compact'},
      S.el('thead', {}, S.el('tr', {}, ...['Case', 'User', 'Severity', 'Reasons', 'Status', ''].map(h => S.el('th', {text: h})))),
      S.el('tbody', {}, ...cases.map(c => S.el('tr', {'data-case-id': c.case_id},
        S.el('td', {class: 'num', text: '#' + c.case_id}),
        S.el('td', {}, S.userLink(c.user_id)),
        S.el('td', {}, S.severity(c.severity)),
        S.el('td', {class: 'small', text: c.reasons.join(', ')}),
        S.el('td', {text: c.status + (c.assignee ? ' · ' + c.assignee : '')}),
        S.el('td', {class: 'buttons'},
          c.status === 'open' ? S.el('button', {class: 'assign', onclick: () => act(c.case_id, 'assign', {})}, 'Assign') : null,
          S.el('button', {class: 'confirm', onclick: () => act(c.case_id, 'resolve', {resolution: 'confirmed_fraud'})}, 'Fraud'),
          S.el('button', {class: 'dismiss', onclick: () => act(c.case_id, 'resolve', {resolution: 'false_positive'})}, 'False positive')))))));
  } catch (e) {
    S.replace(container, S.el('p', {class: 'muted', text: 'Review cases are not available here: ' + e.message}));
  }
}

// The analyst is the signed-in key's name: the server takes it from the key, never from the body.
async function act(caseId, verb, body) {
  const message = document.getElementById('case-message');
  try {
    const result = await S.json(`/api/cases/${caseId}/${verb}`, {
      method: 'POST', headers: {'Content-Type': 'application/json'}, body: JSON.stringify(body)});
    message.textContent = `Case #${caseId} ${result.status}${result.resolution ? ' as ' + result.resolution : ''}.`;
  } catch (e) {
    message.textContent = `Case #${caseId}: ${e.message}`;
  }
  loadCases(true);
}

function connect() {
  const status = document.getElementById('connection');
  S.stream('/api/dashboard/stream', (event, data) => {
    if (event === 'snapshot') show(JSON.parse(data));
  }, live => {
    status.textContent = live ? 'live' : 'reconnecting…';
    status.className = 'badge ' + (live ? 'ok' : 'bad');
  });
}

document.getElementById('user-lookup').addEventListener('submit', event => {
  event.preventDefault();
  const id = document.getElementById('user-id').value.trim();
  if (id) window.location.href = '/user.html?id=' + encodeURIComponent(id);
});

makeCharts();
S.signIn(() => {
  connect();
  loadCases();
  setInterval(() => loadCases(), 3000);
});
