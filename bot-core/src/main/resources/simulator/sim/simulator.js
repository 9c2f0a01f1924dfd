// 心桥微信模拟器：像家长在微信里那样和机器人聊天。
// All text goes into the page through textContent, never innerHTML: bot and user text are untrusted.
(function () {
  'use strict';

  const DEFAULT_MENU = [
    { type: 'click', name: '心理问答', key: 'ASK' },
    { type: 'click', name: '预约咨询', key: 'BOOK' },
    { type: 'click', name: '每周文章', key: 'ARTICLE' },
    { type: 'click', name: '紧急求助', key: 'SOS' }
  ];
  const POLL_MS = 1500;

  const $ = (id) => document.getElementById(id);
  const state = {
    personas: [],
    current: null,
    chats: new Map(), // openid -> [{who, text, title, kind, url}]
    since: new Map(), // openid -> last journal seq seen for that person
    logSince: 0,
    busy: false
  };

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  async function api(path, options) {
    const response = await fetch(path, options);
    let body = null;
    try { body = await response.json(); } catch (e) { body = null; }
    if (!response.ok) {
      const message = body && body.error ? body.error : '模拟器出错了（HTTP ' + response.status + '）';
      throw new Error(message);
    }
    return body;
  }

  function post(path, payload) {
    return api(path, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(payload || {})
    });
  }

  // ---- chat rendering ----
  function chatOf(openid) {
    if (!state.chats.has(openid)) state.chats.set(openid, []);
    return state.chats.get(openid);
  }

  function add(openid, entry) {
    chatOf(openid).push(entry);
    if (state.current && state.current.openid === openid) {
      $('chat').appendChild(render(entry));
      $('chat').scrollTop = $('chat').scrollHeight;
    }
  }

  function render(entry) {
    if (entry.who === 'system') {
      const line = el('div', 'system' + (entry.error ? ' error' : ''));
      line.appendChild(el('span', null, entry.text));
      return line;
    }
    const row = el('div', 'msg ' + entry.who);
    const avatar = entry.who === 'bot'
      ? el('div', 'avatar bot-avatar', '心')
      : el('div', 'avatar user-avatar', ((state.current && state.current.name) || '我').replace(/^.*·/, '').charAt(0) || '我');
    row.appendChild(avatar);
    if (entry.title || entry.kind) {
      const card = el('div', 'bubble card');
      if (entry.kind) card.appendChild(el('span', 'card-kind', entry.kind));
      if (entry.cover) {
        const cover = el('img', 'card-cover');
        cover.src = entry.cover;
        cover.alt = '';
        card.appendChild(cover);
      }
      if (entry.title) card.appendChild(el('span', 'card-title', entry.title));
      if (entry.text) card.appendChild(el('span', 'card-text', entry.text));
      if (entry.url) {
        // only web links open; anything else (a mini-program page) is shown as text
        const link = /^https?:\/\//.test(entry.url) ? el('a', 'card-link', '阅读全文 ›') : el('span', 'card-link', '阅读全文 › ' + entry.url);
        if (link.tagName === 'A') {
          link.href = entry.url;
          link.target = '_blank';
          link.rel = 'noopener noreferrer';
        }
        card.appendChild(link);
      }
      row.appendChild(card);
    } else {
      row.appendChild(el('div', 'bubble', entry.text));
    }
    return row;
  }

  function redraw() {
    const chat = $('chat');
    chat.replaceChildren();
    if (!state.current) return;
    for (const entry of chatOf(state.current.openid)) chat.appendChild(render(entry));
    chat.scrollTop = chat.scrollHeight;
  }

  // ---- personas ----
  function fillPersonas(selectOpenid) {
    const select = $('persona');
    select.replaceChildren();
    for (const p of state.personas) {
      const option = el('option', null, p.name + (p.following ? '' : '（未关注）'));
      option.value = p.openid;
      select.appendChild(option);
    }
    select.value = selectOpenid || (state.current && state.current.openid) || state.personas[0].openid;
    choose(select.value);
  }

  function choose(openid) {
    state.current = state.personas.find((p) => p.openid === openid) || state.personas[0];
    showFollowState();
    redraw();
  }

  function showFollowState() {
    const following = state.current && state.current.following;
    $('follow-bar').hidden = following;
    $('composer').hidden = !following;
    $('menu').hidden = !following;
    $('unfollow').hidden = !following;
  }

  function setFollowing(openid, following) {
    const persona = state.personas.find((p) => p.openid === openid);
    if (persona && persona.following !== following) {
      persona.following = following;
      fillPersonas(state.current.openid);
    }
  }

  // ---- sending ----
  async function deliver(payload) {
    if (state.busy) return;
    const openid = state.current.openid;
    state.busy = true;
    $('send').disabled = true;
    try {
      const reply = await post('sim/api/send', Object.assign({ openid: openid, encrypted: $('safe-mode').checked }, payload));
      if (reply.status === 'MESSAGE') {
        add(openid, { who: 'bot', text: reply.text !== null ? reply.text : '[' + reply.msgType + ' 消息]' });
      } else if (reply.status === 'BROKEN') {
        add(openid, { who: 'system', error: true, text: '该公众号暂时无法提供服务，请稍后再试' });
        add(openid, { who: 'system', text: '（模拟器：' + (reply.problem || '回复无效') + '）' });
      }
      setFollowing(openid, reply.following);
    } catch (e) {
      add(openid, { who: 'system', error: true, text: e.message });
    } finally {
      state.busy = false;
      $('send').disabled = false;
      pollSoon();
    }
  }

  function sendText(event) {
    event.preventDefault();
    const input = $('text');
    const text = input.value.trim();
    if (!text || state.busy) return;
    input.value = '';
    add(state.current.openid, { who: 'user', text: text });
    deliver({ text: text });
  }

  function clickMenu(button) {
    $('submenu').hidden = true;
    if (button.sub_button && button.sub_button.length) {
      openSubmenu(button.sub_button);
    } else if (button.type === 'click') {
      deliver({ event: 'CLICK', key: button.key });
    } else if (button.url) {
      add(state.current.openid, { who: 'system', text: '（模拟器：此菜单会打开网页 ' + button.url + '）' });
    }
  }

  function openSubmenu(buttons) {
    const box = $('submenu');
    const list = el('div');
    for (const b of buttons) {
      const item = el('button', null, b.name);
      item.type = 'button';
      item.addEventListener('click', () => clickMenu(b));
      list.appendChild(item);
    }
    box.replaceChildren(list);
    box.hidden = false;
  }

  function drawMenu(buttons) {
    const nav = $('menu');
    nav.replaceChildren();
    for (const b of buttons) {
      const item = el('button', null, (b.sub_button && b.sub_button.length ? '≡ ' : '') + b.name);
      item.type = 'button';
      item.dataset.key = b.key || '';
      item.addEventListener('click', () => clickMenu(b));
      nav.appendChild(item);
    }
  }

  // ---- polling what the bot sent through the fake WeChat API ----
  let pollTimer = null;
  function pollSoon() {
    clearTimeout(pollTimer);
    pollTimer = setTimeout(poll, 300);
  }

  async function poll() {
    clearTimeout(pollTimer);
    try {
      if (state.current) {
        const openid = state.current.openid;
        const since = state.since.get(openid) || 0;
        const data = await api('sim/api/messages?openid=' + encodeURIComponent(openid) + '&since=' + since);
        for (const m of data.messages) {
          const isCard = m.kind !== '客服消息' || m.title;
          add(openid, isCard
            ? { who: 'bot', kind: m.kind, title: m.title, text: m.text, url: m.url, cover: m.cover }
            : { who: 'bot', text: m.text });
          state.since.set(openid, Math.max(state.since.get(openid) || 0, m.seq));
        }
      }
      const log = await api('sim/api/journal?since=' + state.logSince);
      for (const call of log.calls) {
        appendLog(call);
        state.logSince = Math.max(state.logSince, call.seq);
      }
    } catch (e) {
      // the server may be restarting; try again on the next tick
    }
    pollTimer = setTimeout(poll, POLL_MS);
  }

  function appendLog(call) {
    const item = el('li');
    const callback = call.api.indexOf('callback') === 0;
    const ok = callback ? call.errcode >= 200 && call.errcode < 300 : call.errcode === 0;
    const time = new Date(call.at).toLocaleTimeString('zh-CN', { hour12: false });
    item.appendChild(el('span', null, time + ' '));
    item.appendChild(el('strong', null, call.api));
    item.appendChild(el('span', ok ? 'ok' : 'bad', (callback ? ' HTTP ' : ' errcode=') + call.errcode));
    if (call.openid) item.appendChild(el('span', null, ' → ' + call.openid));
    if (call.detail) item.appendChild(el('pre', null, call.detail));
    const log = $('log');
    log.insertBefore(item, log.firstChild);
    while (log.children.length > 300) log.removeChild(log.lastChild);
  }

  // ---- start ----
  async function start() {
    try {
      const data = await api('sim/api/personas');
      state.personas = data.personas;
      $('account-name').textContent = data.account.name;
      drawMenu(Array.isArray(data.menu) && data.menu.length ? data.menu : DEFAULT_MENU);
      fillPersonas();
    } catch (e) {
      $('chat').appendChild(render({ who: 'system', error: true, text: '模拟器没有启用，或服务器还没启动好：' + e.message }));
      return;
    }
    $('persona').addEventListener('change', (e) => { choose(e.target.value); pollSoon(); });
    $('composer').addEventListener('submit', sendText);
    $('follow').addEventListener('click', () => deliver({ event: 'subscribe' }));
    $('unfollow').addEventListener('click', () => {
      if (window.confirm('模拟「不再关注」这个公众号？')) deliver({ event: 'unsubscribe' });
    });
    $('new-parent').addEventListener('click', async () => {
      try {
        const persona = await post('sim/api/personas');
        state.personas.push(persona);
        fillPersonas(persona.openid);
      } catch (e) {
        add(state.current.openid, { who: 'system', error: true, text: e.message });
      }
    });
    poll();
  }

  document.addEventListener('DOMContentLoaded', start);
})();
