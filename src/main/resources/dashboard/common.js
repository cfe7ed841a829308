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

  // The API key: asked for once, kept in this tab's session storage (gone when the tab closes, never
  // sent anywhere but to this server), and sent on every request as Authorization: Bearer.
  KEY: 'sentinel-api-key',

  auth(headers = {}) {
    return {...headers, Authorization: 'Bearer ' + (sessionStorage.getItem(Sentinel.KEY) || '')};
  },

  async json(url, options = {}) {
    const response = await fetch(url, {...options, headers: Sentinel.auth(options.headers)});
    const body = await response.json().catch(() => ({}));
    if (response.status === 401) Sentinel.signOut(body.error || 'the key was refused');
    if (!response.ok) {
      const field = body.field ? ' (' + body.field + ')' : '';
      throw new Error((body.error || response.statusText) + field);
    }
    return body;
  },

  // Shows the sign-in form until a key is accepted by /api/me, then calls start(me) once (a key refused
  // later, e.g. revoked, shows the form again; signing in then reloads the page).
  signIn(start) {
    const form = document.getElementById('sign-in');
    const who = document.getElementById('who');
    const message = document.getElementById('sign-in-message');
    let started = false;
    const tryKey = async () => {
      if (!sessionStorage.getItem(Sentinel.KEY)) {
        form.hidden = false;
        return;
      }
      try {
        const me = await Sentinel.json('/api/me');
        form.hidden = true;
        message.textContent = '';
        who.textContent = me.name + ' (' + me.role + ')';
        who.dataset.name = me.name;
        if (started) {
          window.location.reload(); // signed in again after a refused key: start afresh
          return;
        }
        started = true;
        start(me);
      } catch (e) {
        form.hidden = false;
        message.textContent = e.message;
      }
    };
    form.addEventListener('submit', event => {
      event.preventDefault();
      const input = document.getElementById('api-key');
      sessionStorage.setItem(Sentinel.KEY, input.value.trim());
      input.value = '';
      tryKey();
    });
    tryKey();
  },

  signOut(reason) {
    sessionStorage.removeItem(Sentinel.KEY);
    const form = document.getElementById('sign-in');
    if (form) form.hidden = false;
    const message = document.getElementById('sign-in-message');
    if (message) message.textContent = reason || '';
    const who = document.getElementById('who');
    if (who) who.textContent = '';
  },

  // Server-sent events read with fetch, not EventSource: EventSource cannot send the key in a header,
  // and a key in the URL would end up in logs and the history. Reconnects after a pause while signed in.
  async stream(url, onEvent, onState) {
    while (sessionStorage.getItem(Sentinel.KEY)) {
      try {
        const response = await fetch(url, {headers: Sentinel.auth({Accept: 'text/event-stream'}), cache: 'no-store'});
        if (response.status === 401) {
          Sentinel.signOut('the key was refused');
          break;
        }
        if (!response.ok) throw new Error(response.statusText);
        const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
        let buffer = '';
        for (;;) {
          const {value, done} = await reader.read();
          if (done) break;
          buffer += value.replace(/\r\n?/g, '\n');
          let end;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            const block = buffer.substring(0, end);
            buffer = buffer.substring(end + 2);
            let event = 'message';
            const data = [];
            for (const line of block.split('\n')) {
              if (line.startsWith('event:')) event = line.substring(6).trim();
              else if (line.startsWith('data:')) data.push(line.substring(5).replace(/^ /, ''));
            }
            if (data.length > 0) {
              onState(true);
              onEvent(event, data.join('\n'));
            }
          }
        }
      } catch (e) {
        console.warn('stream interrupted', e);
      }
      onState(false);
      await new Promise(resolve => setTimeout(resolve, 2000));
    }
  },
};
