// The hookguard listen inspector. Plain browser JavaScript, no build step, no dependency.
// Everything a delivery carries is shown with textContent, never parsed as HTML.

/** Rows on the page at most: a long session keeps the last deliveries, not a DOM that grows. */
const MAX_ROWS = 200;

const state = {
  keep: 500,
  items: [], // summaries, oldest first, at most `keep` (the CLI keeps as many)
  pending: [], // arrived since the last paint
  openId: undefined,
  filter: { verdict: '', event: '' },
  events: new Set(),
};

const $ = (id) => document.getElementById(id);

function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (key === 'class') node.className = value;
    else if (key === 'text') node.textContent = value;
    else if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value);
  }
  for (const child of children) if (child !== undefined && child !== null) node.append(child);
  return node;
}

function matches(item) {
  const { verdict, event } = state.filter;
  return (verdict === '' || item.verdict === verdict) && (event === '' || item.event === event);
}

function verdictText(item) {
  return item.verdict === 'refused' ? `refused ${item.code ?? item.status}` : item.verdict;
}

function row(item) {
  const tr = el(
    'tr',
    { 'data-id': String(item.id), 'data-verdict': item.verdict, onclick: () => open(item.id) },
    el('td', { text: new Date(item.at).toLocaleTimeString() }),
    el('td', { text: item.method }),
    el('td', { class: 'path', text: item.url, title: item.url }),
    el('td', { text: item.event ?? '' }),
    el('td', {}, el('span', { class: `badge ${item.verdict}`, text: verdictText(item) })),
    el('td', { text: String(item.status) + (item.forwarded ? ` (forward: ${item.forwarded})` : '') }),
    el('td', { text: `${item.ms} ms` }),
  );
  if (item.id === state.openId) tr.classList.add('open');
  return tr;
}

/** Adds what arrived since the last frame, newest on top, then trims the list to MAX_ROWS. */
function paint() {
  state.scheduled = false;
  const rows = $('rows');
  const fresh = state.pending.splice(0).filter(matches).slice(-MAX_ROWS);
  if (fresh.length > 0) {
    const fragment = document.createDocumentFragment();
    for (let index = fresh.length - 1; index >= 0; index--) fragment.append(row(fresh[index]));
    rows.prepend(fragment);
    while (rows.childElementCount > MAX_ROWS) rows.lastElementChild.remove();
  }
  updateCount();
}

function schedule() {
  if (state.scheduled) return;
  state.scheduled = true;
  requestAnimationFrame(paint);
}

function repaint() {
  $('rows').replaceChildren();
  state.pending = state.items.slice();
  paint();
}

function updateCount() {
  const shown = state.items.filter(matches).length;
  $('count').textContent =
    `${shown} of ${state.items.length} kept (the last ${state.keep})` +
    (shown > MAX_ROWS ? `; the newest ${MAX_ROWS} listed` : '');
  $('empty').hidden = state.items.length > 0;
}

function addEventName(name) {
  if (name === undefined || state.events.has(name)) return;
  state.events.add(name);
  $('events').append(el('option', { value: name }));
}

function receive(item) {
  if (state.items.length > 0 && item.id <= state.items[state.items.length - 1].id) return;
  state.items.push(item);
  if (state.items.length > state.keep) state.items.splice(0, state.items.length - state.keep);
  addEventName(item.event);
  state.pending.push(item);
  schedule();
}

function connect() {
  const source = new EventSource('/events');
  source.addEventListener('hello', (message) => {
    const hello = JSON.parse(message.data);
    state.keep = hello.keep;
    $('sender').textContent = `· ${hello.sender}`;
    $('listener').textContent = `receiving at ${hello.listener}`;
    $('connection').textContent = 'live';
    $('connection').className = 'badge verified';
  });
  source.addEventListener('delivery', (message) => receive(JSON.parse(message.data)));
  source.addEventListener('error', () => {
    $('connection').textContent = 'disconnected (is hookguard listen still running?)';
    $('connection').className = 'badge refused';
  });
}

async function getJson(url, init) {
  const response = await fetch(url, init);
  const body = await response.json();
  if (!response.ok) throw new Error(body.error ?? `HTTP ${response.status}`);
  return body;
}

function pairs(list) {
  return el(
    'table',
    { class: 'pairs' },
    ...list.map(([name, value]) => el('tr', {}, el('td', { text: name }), el('td', { text: value }))),
  );
}

function copyButton(label, text) {
  return el('button', {
    type: 'button',
    text: label,
    onclick: async (event) => {
      try {
        await navigator.clipboard.writeText(text);
        event.target.textContent = `${label} ✓`;
      } catch {
        event.target.textContent = `${label}: select the line below`;
      }
    },
  });
}

function tabs(views) {
  const box = el('pre', { class: 'body' });
  const buttons = views.map(([label, text]) =>
    el('button', {
      type: 'button',
      text: label,
      'data-tab': label,
      onclick: () => show(label, text),
    }),
  );
  const show = (label, text) => {
    box.textContent = text;
    for (const button of buttons) button.setAttribute('aria-selected', String(button.dataset.tab === label));
  };
  show(...views[0]);
  return el('div', {}, el('div', { class: 'tabs actions' }, ...buttons), box);
}

async function open(id) {
  state.openId = id;
  for (const tr of $('rows').querySelectorAll('tr.open')) tr.classList.remove('open');
  $('rows').querySelector(`tr[data-id="${id}"]`)?.classList.add('open');
  const panel = $('detail');
  panel.hidden = false;
  let d;
  try {
    d = await getJson(`/api/deliveries/${id}`);
  } catch (error) {
    panel.replaceChildren(el('p', { class: 'error', text: error.message }));
    return;
  }
  if (state.openId !== id) return;
  const views = [['raw', d.body.escaped || '(empty body)']];
  if (d.body.pretty !== undefined) views.push(['pretty', d.body.pretty]);
  if (d.payload !== undefined) views.push(['payload', JSON.stringify(d.payload, null, 2)]);
  const replayUrl = el('input', {
    type: 'url',
    placeholder: `${d.url} on the listener, or another URL`,
    'aria-label': 'replay URL',
  });
  const replayResult = el('pre', { class: 'replay-result', hidden: '' });
  const replay = async () => {
    replayResult.hidden = false;
    replayResult.textContent = 'replaying…';
    try {
      const r = await getJson('/api/replay', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ id, url: replayUrl.value }),
      });
      replayResult.textContent =
        r.status !== undefined
          ? `${r.url} answered ${r.status} in ${r.ms} ms\n${r.body}`
          : `${r.url}: ${r.outcome} (${r.reason})`;
    } catch (error) {
      replayResult.textContent = `replay failed: ${error.message}`;
    }
  };
  // Sections a delivery does not have (no diagnosis, no forward) are left out, not shown empty.
  const sections = [
    el(
      'h2',
      {},
      el('span', { class: `badge ${d.verdict}`, id: 'verdict-badge', text: verdictText(d) }),
      ` ${d.method} ${d.url}`,
    ),
    el('p', {
      class: 'dim',
      text: `#${d.id} · ${new Date(d.at).toLocaleString()} · ${d.sender} · ${d.event ?? (d.verdict === 'handshake' ? 'handshake (answered by the provider; no handler runs)' : 'no event')}${d.known === false ? ' (no schema matched)' : ''}`,
    }),
    d.error ? el('p', { class: 'error', text: `${d.error.code}: ${d.error.message}` }) : undefined,
    d.diagnosis
      ? el(
          'div',
          { class: 'doctor', id: 'diagnosis' },
          el('strong', { text: 'doctor: ' }),
          d.diagnosis.message,
        )
      : undefined,
    ...d.issues.map((issue) => el('p', { class: 'unverified', text: `schema: ${JSON.stringify(issue)}` })),
    el('h2', { text: 'Request headers' }),
    pairs(d.headers),
    el('p', {
      class: 'dim',
      text: `${d.chunked ? 'chunked, no Content-Length' : 'Content-Length'}, ${d.bytes} bytes`,
    }),
    el('h2', { text: 'Body' }),
    tabs(views),
    el('h2', { text: `Answer: ${d.answer.status}, in ${d.ms} ms` }),
    d.forward
      ? el('p', {
          text:
            d.forward.outcome === 'answered'
              ? `forwarded to ${d.forward.url}: the app answered in ${d.forward.ms} ms`
              : `forwarded to ${d.forward.url}: ${d.forward.outcome} (${d.forward.reason ?? ''}); the sender got the answer below`,
          class: d.forward.outcome === 'answered' ? '' : 'error',
        })
      : undefined,
    pairs(Object.entries(d.answer.headers)),
    el('pre', { text: d.answer.body || '(empty)' }),
    el('p', { class: 'dim', text: `${d.sender}: ${d.reading.summary}` }),
    el('h2', { text: 'Copy' }),
    el(
      'div',
      { class: 'actions' },
      copyButton('copy as curl', d.copy.curl),
      d.copy.send ? copyButton('copy as hookguard send', d.copy.send) : undefined,
    ),
    el('pre', { class: 'copy-curl', text: d.copy.curl }),
    d.copy.send
      ? el('pre', { class: 'copy-send', text: d.copy.send })
      : el('p', { class: 'dim', text: 'hookguard send cannot sign for a public key' }),
    d.copy.send?.includes('HOOKGUARD_SECRET')
      ? el('p', {
          class: 'dim',
          text: 'set HOOKGUARD_SECRET in your shell first: the page never holds the secret',
        })
      : undefined,
    el('h2', { text: 'Replay' }),
    el('p', {
      class: 'dim',
      text: 'the exact bytes and headers again, with the original proof (a timestamped one may have expired)',
    }),
    el(
      'div',
      { class: 'actions' },
      replayUrl,
      el('button', { type: 'button', id: 'replay', text: 'replay', onclick: replay }),
    ),
    replayResult,
  ];
  panel.replaceChildren(...sections.filter((section) => section !== undefined));
  panel.scrollTop = 0;
}

$('verdict').addEventListener('change', (event) => {
  state.filter.verdict = event.target.value;
  repaint();
});
$('event').addEventListener('input', (event) => {
  state.filter.event = event.target.value.trim();
  repaint();
});
connect();
