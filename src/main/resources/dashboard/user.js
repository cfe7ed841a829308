// The user page: the detector's profile of one user, read through /api/users/{id} (Kafka Streams interactive
// queries; the serving instance may be another detector), and the user's review cases.
'use strict';

const U = Sentinel;
const userId = new URLSearchParams(window.location.search).get('id') || '';

function label(key) {
  return key.replaceAll('_', ' ');
}

// Renders any JSON value readably: objects as key/value grids, arrays of scalars inline, arrays of objects as tables.
function render(value) {
  if (value === null || value === undefined) return U.el('span', {class: 'muted', text: '–'});
  if (Array.isArray(value)) {
    if (value.length === 0) return U.el('span', {class: 'muted', text: 'none'});
    if (value.every(v => v === null || typeof v !== 'object')) return U.el('span', {text: value.join(', ')});
    const keys = [...new Set(value.flatMap(v => Object.keys(v || {})))];
    return U.el('table', {class: 'compact'},
      U.el('thead', {}, U.el('tr', {}, ...keys.map(k => U.el('th', {text: label(k)})))),
      U.el('tbody', {}, ...value.map(row => U.el('tr', {}, ...keys.map(k => U.el('td', {}, render(row[k])))))));
  }
  if (typeof value === 'object') {
    return U.el('div', {class: 'kv'}, ...Object.entries(value).flatMap(([k, v]) =>
      [U.el('div', {class: 'key', text: label(k)}), U.el('div', {}, render(v))]));
  }
  if (typeof value === 'number') return U.el('span', {text: U.number(value, Number.isInteger(value) ? 0 : 3)});
  return U.el('span', {text: String(value)});
}

async function loadProfile() {
  const url = '/api/users/' + encodeURIComponent(userId);
  document.getElementById('raw-link').textContent = url;
  try {
    const user = await U.json(url);
    const account = user.account || {status: 'ACTIVE'};
    const badge = document.getElementById('account-status');
    badge.textContent = account.status;
    badge.className = 'badge ' + (account.status === 'ACTIVE' ? 'ok' : 'bad');
    badge.title = [account.reason, account.updated_at && 'since ' + account.updated_at,
      account.expires_at && 'until ' + account.expires_at].filter(Boolean).join(', ');
    document.getElementById('served-by').textContent = user.served_by || '–';
    U.replace(document.getElementById('profile'), render(user.profile === undefined ? user : user.profile));
  } catch (e) {
    const error = document.getElementById('user-error');
    error.hidden = false;
    error.textContent = 'Cannot show user ' + userId + ': ' + e.message;
    U.replace(document.getElementById('profile'), U.el('p', {class: 'muted', text: 'No profile.'}));
  }
}

async function loadCases() {
  const container = document.getElementById('user-cases');
  try {
    const result = await U.json('/api/cases?user_id=' + encodeURIComponent(userId) + '&limit=20');
    if (result.cases.length === 0) {
      U.replace(container, U.el('p', {class: 'muted', text: 'No review cases for this user.'}));
      return;
    }
    U.replace(container, render(result.cases.map(c => ({
      case: '#' + c.case_id, status: c.status, severity: c.severity, reasons: c.reasons.join(', '),
      opened_at: U.time(c.opened_at), resolution: c.resolution}))));
  } catch (e) {
    U.replace(container, U.el('p', {class: 'muted', text: 'Review cases are not available here: ' + e.message}));
  }
}

document.getElementById('user-title').textContent = userId || '(none given)';
document.title = 'Stream-Sentinel · ' + userId;
U.signIn(() => {
  loadProfile();
  loadCases();
});
