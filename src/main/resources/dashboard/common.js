// Helpers shared by the dashboard's pages. Everything shown is built with textContent, never innerHTML,
// so values from the topics cannot inject markup.
'use strict';

const Sentinel = {
  el(tag, attrs = {}, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attrs)) {
      if (value === null || value === undefined) continue;
      if (name === 'class') node.className = value;
      else if (name === 'text') node.textContent = value;
      else if (name.startsWith('on')) node.addEventListener(name.substring(2), value);
      else node.setAttribute(name, value);
    }
    for (const child of children) {
      if (child === null || child === undefined) continue;
      node.append(child instanceof Node ? child : String(child));
    }
    return node;
  },

  replace(container, ...children) {
    container.replaceChildren(...children.filter(c => c !== null && c !== undefined));
  },

  number(value, digits = 0) {
    if (value === null || value === undefined || Number.isNaN(value)) return '–';
    return Number(value).toLocaleString('en-US', {maximumFractionDigits: digits, minimumFractionDigits: digits});
  },

  percent(value, digits = 2) {
    return value === null || value === undefined ? '–' : (value * 100).toFixed(digits) + ' %';
  },

  time(iso) {
    if (!iso) return '–';
    const d = new Date(iso);
    return Number.isNaN(d.getTime()) ? String(iso) : d.toISOString().substring(11, 19) + 'Z';
  },

  userLink(userId) {
    return Sentinel.el('a', {href: '/user.html?id=' + encodeURIComponent(userId), class: 'user', text: userId});
  },

  severity(severity) {
    return Sentinel.el('span', {class: 'sev sev-' + String(severity || 'none').toLowerCase(), text: severity || '–'});
  },

  async json(url, options) {
    const response = await fetch(url, options);
    const body = await response.json().catch(() => ({}));
    if (!response.ok) {
      const field = body.field ? ' (' + body.field + ')' : '';
      throw new Error((body.error || response.statusText) + field);
    }
    return body;
  },
};
