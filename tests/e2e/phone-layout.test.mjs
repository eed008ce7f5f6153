// The phone shows the moment first: on 390x844 and 360x640, in Spanish and in English, in every
// activity and phase a phone has, the activity's title and its primary controls (marked
// `data-primary`) are inside the viewport without scrolling, primary buttons are at least
// 48 px tall, and axe-core finds no WCAG A/AA violation at all. One phone page (Ana) is measured;
// three more participants and the facilitator are WebSocket clients (the JSON protocol) in one
// driver page, so the walk does not depend on how the console lays out its buttons.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { axeViolations, ensureOutputDir, launchBrowser, newDevice, Server } from './harness.mjs';

const sizes = [
  { width: 390, height: 844 },
  { width: 360, height: 640 },
];
const shots = ensureOutputDir('phone');
const helpers = ['Beto', 'Carla', 'Diego'];

let server;
let browser;
let driver; // the page holding the facilitator's and the helpers' sockets
let phone; // Ana's phone, the one measured
let language = 'es';
const measured = [];

// Retries `check` until it returns something truthy: the DOM and the facilitator's documents
// change when the next delta arrives.
async function eventually(check, what, timeoutMs = 10000) {
  const deadline = Date.now() + timeoutMs;
  let last;
  while (Date.now() < deadline) {
    try {
      if ((last = await check())) return last;
    } catch (e) {
      last = e;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`never happened: ${what} (last: ${last})`);
}

// In the driver page: WebSocket devices speaking campana.v1.json, by name. The facilitator's
// keeps the documents it is sent, so the test can read ids (participants, teams) from them.
function installDriver() {
  let nextRequest = 1;
  const docKey = (d) => `${d.kind}:${d.id ?? '0'}`;
  window.driver = {
    devices: {},
    docs: {},
    connect(name, hello, keepDocs) {
      return new Promise((resolve, reject) => {
        const ws = new WebSocket(`ws://${location.host}/ws`, 'campana.v1.json');
        const pending = new Map();
        let seq = 0;
        const device = {
          request(message) {
            const requestId = String(nextRequest++);
            ws.send(JSON.stringify({ requestId, ...message }));
            return new Promise((done) => pending.set(requestId, done));
          },
          command(body) {
            seq += 1;
            return device.request({ command: { clientSeq: String(seq), ...body } });
          },
        };
        ws.onmessage = (event) => {
          const message = JSON.parse(event.data);
          const reply = message.welcome ?? message.ack ?? message.rejection;
          if (reply && pending.has(reply.requestId)) {
            pending.get(reply.requestId)(message);
            pending.delete(reply.requestId);
          }
          if (!keepDocs) return;
          for (const doc of message.snapshot?.docs ?? []) window.driver.docs[docKey(doc)] = doc;
          for (const patch of message.delta?.patches ?? []) {
            if (patch.put) window.driver.docs[docKey(patch.put)] = patch.put;
            else if (patch.remove) delete window.driver.docs[docKey(patch.remove)];
          }
        };
        ws.onerror = () => reject(new Error(`${name}: the socket failed`));
        ws.onopen = async () => {
          const welcome = await device.request({ hello });
          if (!welcome.welcome) return reject(new Error(`${name}: ${JSON.stringify(welcome)}`));
          window.driver.devices[name] = device;
          resolve();
        };
      });
    },
  };
}

// Sends a command as `who` (the facilitator unless said) and fails on anything but an Ack.
async function send(body, who = 'desk') {
  const reply = await driver.evaluate(([name, b]) => window.driver.devices[name].command(b), [who, body]);
  assert.ok(reply.ack, `${who} ${JSON.stringify(body)}: ${JSON.stringify(reply)}`);
  return reply.ack;
}

// The facilitator's copy of a document: the first of its kind whose body passes `match`.
async function doc(kind, field, match = () => true) {
  return eventually(
    () =>
      driver.evaluate(
        ([k, f]) => Object.values(window.driver.docs).filter((d) => d.kind === k && d[f]).map((d) => d[f]),
        [kind, field],
      ).then((bodies) => bodies.find(match)),
    `a ${kind} document`,
  );
}

async function agendaIndex(title) {
  const agenda = await doc('DOC_KIND_AGENDA', 'agenda');
  const index = agenda.items.findIndex((item) => item.title === title);
  assert.notEqual(index, -1, `no agenda item "${title}"`);
  return index;
}

async function goTo(title) {
  await send({ gotoAgendaItem: { index: await agendaIndex(title) } });
}

// Switches the phone's language with its own control: in the header before joining, in the
// disclosure behind the header line after.
async function setLanguage(next) {
  if (language === next) return;
  const joined = (await phone.locator('.me-toggle').count()) > 0;
  if (joined) await phone.locator('.me-toggle').click();
  await phone.getByRole('combobox', { name: language === 'es' ? 'Idioma' : 'Language' }).selectOption(next);
  await phone.locator(`html[lang="${next}"]`).waitFor({ state: 'attached' });
  if (joined) {
    await phone.locator('.me-toggle').click();
    await phone.locator('#me-panel').waitFor({ state: 'hidden' });
  }
  language = next;
}

// Where the moment's title and primary controls are, and whether the page has scrolled. The
// title is the first one on the page (a question asked live goes before the agenda's item);
// its primary controls are those of the same section. A view that marks none (speed dating,
// rewritten elsewhere) is held to its primary buttons.
function layout() {
  const box = (el) => {
    const r = el.getBoundingClientRect();
    return { top: r.top, bottom: r.bottom, left: r.left, right: r.right, width: r.width, height: r.height };
  };
  const title = document.querySelector('[data-title]');
  const scope = title?.closest('section') ?? document.querySelector('main');
  let primary = [...scope.querySelectorAll('[data-primary]')];
  if (primary.length === 0) primary = [...scope.querySelectorAll('button.primary, a.button.primary')];
  // The primary buttons, bar a picker's choices (aria-pressed: the group numbers), which sit
  // side by side.
  const buttons = primary
    .flatMap((el) => (el.matches('button') ? [el] : [...el.querySelectorAll('button.primary')]))
    .filter((el) => !el.hasAttribute('aria-pressed'));
  return {
    scrollY: window.scrollY,
    viewport: { width: window.innerWidth, height: window.innerHeight },
    title: title && { text: title.textContent, box: box(title) },
    primary: primary.map((el) => ({ what: el.outerHTML.slice(0, 80), box: box(el) })),
    buttons: buttons.map((el) => ({ what: el.textContent, box: box(el) })),
  };
}

function sizeName() {
  const { width, height } = phone.viewportSize();
  return `${width}x${height}`;
}

function inside(box, viewport) {
  return box.width > 0 && box.height > 0 && box.top >= 0 && box.left >= 0 && box.bottom <= viewport.height + 0.5 && box.right <= viewport.width + 0.5;
}

// Measures the phone as it is now, at each size and in both languages (the order alternates,
// so the language changes once per moment): title and primary controls in view at scrollY 0,
// primary buttons full width and 48 px tall, no axe finding, and a screenshot.
async function measure(activity, phase, { ready, needsPrimary = true } = {}) {
  for (const lang of language === 'es' ? ['es', 'en'] : ['en', 'es']) {
    await setLanguage(lang);
    for (const size of sizes) {
      await phone.setViewportSize(size);
      if (ready) await ready(phone).waitFor();
      await phone.locator('[data-title]').first().waitFor();
      const where = `${activity}-${phase} ${size.width}x${size.height} ${lang}`;
      const seen = await phone.evaluate(layout);
      // (Taken before the assertions, so a failure leaves its picture.)
      await phone.screenshot({ path: join(shots, `${activity}-${phase}-${size.width}x${size.height}-${lang}.png`) });
      assert.equal(seen.scrollY, 0, `${where}: the page has scrolled`);
      assert.ok(seen.title, `${where}: no title`);
      assert.ok(inside(seen.title.box, seen.viewport), `${where}: the title "${seen.title.text}" is out of view: ${JSON.stringify(seen.title.box)}`);
      if (needsPrimary) assert.ok(seen.primary.length > 0, `${where}: no primary control`);
      for (const p of seen.primary) assert.ok(inside(p.box, seen.viewport), `${where}: ${p.what} is out of view: ${JSON.stringify(p.box)}`);
      for (const b of seen.buttons) {
        assert.ok(b.box.height >= 48, `${where}: the button "${b.what}" is ${b.box.height} px tall`);
        // Full width: the page's width less its margins.
        assert.ok(b.box.width >= 0.8 * seen.viewport.width, `${where}: the button "${b.what}" is ${b.box.width} px wide`);
      }
      // Stricter than "no serious or critical": the harness reports every WCAG A/AA violation.
      assert.deepEqual(await axeViolations(phone), [], `${where}: axe`);
      const lowest = Math.max(seen.title.box.bottom, ...seen.primary.map((p) => p.box.bottom));
      measured.push({ where, lowest: Math.round(lowest), height: size.height });
    }
  }
}

before(async () => {
  server = await new Server().start();
  browser = await launchBrowser();
  driver = await (await newDevice(browser, server, { bypassCSP: true })).newPage();
  await driver.goto(`${server.base}/`);
  await driver.evaluate(installDriver);
  await driver.evaluate(
    ([code, key]) => window.driver.connect('desk', { workshopCode: code, role: 'ROLE_FACILITATOR', facilitatorKey: key }, true),
    [server.code, server.key],
  );
  for (const name of helpers) {
    await driver.evaluate(([code, n]) => window.driver.connect(n, { workshopCode: code, role: 'ROLE_PARTICIPANT' }, false), [server.code, name]);
    await send({ join: { displayName: name, presence: 'PRESENCE_IN_ROOM', joinKey: `phone-layout-${name}` } }, name);
  }
  const context = await newDevice(browser, server, { locale: 'es-GT', viewport: sizes[0], bypassCSP: true });
  phone = await context.newPage();
  await phone.goto(server.phone());
});

after(async () => {
  await browser?.close();
  await server?.dispose();
  if (measured.length > 0) {
    const tightest = measured.reduce((a, b) => (b.height - b.lowest < a.height - a.lowest ? b : a));
    console.log(`[ phone ] ${measured.length} screens measured; tightest: ${tightest.where}, lowest primary edge at ${tightest.lowest} of ${tightest.height} px`);
  }
});

test('joining, then waiting: the form, the workshop not started, a presentation item', async () => {
  await measure('join', 'form', { ready: (p) => p.locator('form.join') });
  await phone.getByLabel(language === 'es' ? 'Tu nombre' : 'Your name').fill('Ana');
  await phone.getByRole('button', { name: language === 'es' ? 'Unirme' : 'Join' }).click();
  await phone.locator('.me-toggle').getByText('Ana', { exact: true }).waitFor();
  await measure('waiting', 'not-started', { ready: (p) => p.locator('.now-section.waiting') });

  // The header line opens onto the disclosure: my group, the language, help; and, where the
  // browser would not keep the screen on, a word about it.
  const wakeLock = await eventually(async () => {
    const state = await phone.locator('.me-bar').getAttribute('data-wake-lock');
    return state !== 'pending' && state;
  }, 'the wake lock asked for');
  await phone.locator('.me-toggle').click();
  await phone.locator('#me-panel').getByRole('combobox').waitFor();
  assert.equal(await phone.locator('.me-toggle').getAttribute('aria-expanded'), 'true');
  const keepOn = phone.locator('#me-panel').getByText('toca la pantalla de vez en cuando');
  assert.equal(await keepOn.count(), wakeLock === 'held' ? 0 : 1, `wake lock ${wakeLock}`);
  await phone.screenshot({ path: join(shots, `menu-open-${sizeName()}-${language}.png`) });
  assert.deepEqual(await axeViolations(phone), [], 'the open disclosure');
  await phone.locator('.me-toggle').click();
  await phone.locator('#me-panel').waitFor({ state: 'hidden' });
  console.log(`[ phone ] Screen Wake Lock in headless Chromium: ${wakeLock}`);

  await goTo('Bienvenida');
  await measure('waiting', 'presentation', { ready: (p) => p.locator('.now-section .calm') });
});

test('a phone whose browser cannot keep the screen on says so, once, in the disclosure', async () => {
  const context = await newDevice(browser, server, { locale: 'en-US', viewport: sizes[1] });
  // A browser without Screen Wake Lock (an older phone, or a page served over plain HTTP).
  await context.addInitScript(() => delete Navigator.prototype.wakeLock);
  const page = await context.newPage();
  await page.goto(server.phone());
  await page.getByLabel('Your name').fill('Eva');
  await page.getByRole('button', { name: 'Join' }).click();
  await page.locator('.me-bar[data-wake-lock="unavailable"]').waitFor();
  await page.locator('.me-toggle').click();
  await page.locator('#me-panel').getByText('touch the screen now and then').waitFor();
  assert.equal(await page.getByText('touch the screen now and then').count(), 1);
  await context.close();
});

test('the screen lock is asked for again when the page comes back', async () => {
  const context = await newDevice(browser, server, { viewport: sizes[1] });
  // Counts the page's requests, and keeps the lock it got, to drop it as a hidden page does.
  await context.addInitScript(() => {
    window.wakeRequests = 0;
    const request = navigator.wakeLock.request.bind(navigator.wakeLock);
    navigator.wakeLock.request = async (type) => {
      window.wakeRequests += 1;
      window.wakeSentinel = await request(type);
      return window.wakeSentinel;
    };
  });
  const page = await context.newPage();
  await page.goto(server.phone());
  assert.equal(await page.evaluate(() => window.wakeRequests), 0, 'no lock before joining');
  await page.getByLabel('Tu nombre').fill('Fer');
  await page.getByRole('button', { name: 'Unirme' }).click();
  await page.locator('.me-bar[data-wake-lock="held"]').waitFor();
  await page.waitForFunction(() => window.wakeRequests === 1);
  await page.evaluate(async () => {
    await window.wakeSentinel.release();
    document.dispatchEvent(new Event('visibilitychange'));
  });
  await page.waitForFunction(() => window.wakeRequests === 2 && !window.wakeSentinel.released);
  await context.close();
});

test('groups: choosing a group, then my group and team', async () => {
  await goTo('Grupos y equipos');
  await send({ setupGroups: { mode: 'MODE_CHOOSE', count: 4 } });
  await send({ setGroupChoice: { open: true } });
  await measure('groups', 'choice', { ready: (p) => p.locator('.chooser .group-buttons button').first() });
  await phone.locator('.chooser .group-buttons button').first().click();
  await phone.locator('.me-toggle .me-group').waitFor();
  // Beto joins Ana's group 1; Carla and Diego go to group 2.
  for (const [name, group] of [['Beto', 1], ['Carla', 2], ['Diego', 2]]) await send({ chooseGroup: { group } }, name);
  await send({ setGroupChoice: { open: false } });
  await send({ defineTeams: { teams: [{ name: 'A', groups: [1, 3] }, { name: 'B', groups: [2, 4] }] } });
  await phone.locator('.me-toggle .me-team').waitFor();
  await measure('groups', 'assigned', { ready: (p) => p.locator('.my-group .big-number .badge') });
});

test('the race: strategy, window, captain, running, stopped, finished', async () => {
  await goTo('Reto de la pelota de tenis');
  const groups = await doc('DOC_KIND_GROUPS', 'groups', (g) => (g.teams ?? []).length === 2);
  const teamA = groups.teams.find((t) => t.name === 'A').id;
  const participant = async (name) => (await doc('DOC_KIND_PARTICIPANT', 'participant', (p) => p.displayName === name)).id;
  // Beto captains team A first: Ana sees the race as a team member, then as its captain.
  await send({ nameCaptain: { teamId: teamA, participantId: await participant('Beto') } });
  await send({ startRaceStrategy: {} });
  await measure('race', 'strategy', { ready: (p) => p.locator('.phone-race .team-clock') });
  await send({ openRaceWindow: {} });
  await phone.locator('.phone-race details.rules:not([open])').waitFor({ state: 'attached' });
  await measure('race', 'window', { ready: (p) => p.locator('.phone-race .team-clock') });
  await send({ nameCaptain: { teamId: teamA, participantId: await participant('Ana') } });
  await measure('race', 'captain', { ready: (p) => p.locator('.phone-race .race-buttons button') });

  await phone.locator('.phone-race .race-buttons button.primary').click();
  // (A run lasts at least a second: the server refuses a stop before that.)
  await phone.locator('.team-clock .stopwatch.running').getByText(/^0:0[1-9]\.\d$/).waitFor();
  await measure('race', 'running', { ready: (p) => p.locator('.phone-race .race-buttons button.danger') });
  await phone.locator('.phone-race .race-buttons button.primary').click();
  await phone.locator('.team-clock .last-run').waitFor();
  const kept = await phone.locator('.team-clock .last-run').innerText();
  assert.match(kept, /^0:0[1-9]\.\d$/, 'the time just made stays shown after the stop');
  await measure('race', 'stopped', { ready: (p) => p.locator('.team-clock .last-run') });
  await send({ finishRace: {} });
  await measure('race', 'finished', { ready: (p) => p.locator('.phone-race .race-result') });
  assert.equal(await phone.locator('.team-clock .last-run').innerText(), kept);
});

test('the card sort: not started, sorting, locked, revealed', async () => {
  await goTo('Espectro del fracaso');
  await measure('cards', 'not-started', { ready: (p) => p.locator('.cards .calm') });
  await send({ startCardSort: {} });
  await phone.locator('ol.sortable li').nth(8).waitFor();
  await measure('cards', 'sorting', { ready: (p) => p.locator('.phone-cards button.primary') });
  await phone.locator('.phone-cards button.primary').click();
  await measure('cards', 'locked', { ready: (p) => p.locator('.phone-cards .cards-top .badge') });
  await send({ revealCards: {} });
  await measure('cards', 'revealed', { ready: (p) => p.locator('.cards .scored-order') });
});

test('speed dating: waiting, meeting, both sharing turns, notes', async () => {
  await goTo('Citas rápidas');
  await measure('dating', 'waiting', { ready: (p) => p.locator('.dating'), needsPrimary: false });
  await send({ startDatingRound: {} });
  await doc('DOC_KIND_DATING', 'dating', (d) => d.phase === 'PHASE_MEETING');
  await measure('dating', 'meeting', { ready: (p) => p.locator('.dating .partner'), needsPrimary: false });
  await send({ startSharing: {} });
  await doc('DOC_KIND_DATING', 'dating', (d) => d.phase === 'PHASE_FIRST_SHARING');
  await measure('dating', 'sharing-1', { ready: (p) => p.locator('.dating [role="timer"]'), needsPrimary: false });
  await send({ swapSpeakers: {} });
  await doc('DOC_KIND_DATING', 'dating', (d) => d.phase === 'PHASE_SECOND_SHARING');
  await measure('dating', 'sharing-2', { ready: (p) => p.locator('.dating [role="timer"]'), needsPrimary: false });
  await send({ endDate: {} });
  await doc('DOC_KIND_DATING', 'dating', (d) => d.phase === 'PHASE_DONE');
  await measure('dating', 'notes', { ready: (p) => p.locator('.dating textarea'), needsPrimary: false });
});

// Ana and Beto are group 1's board (the groups test put them there).
test('a board: writing, my notes, the reveal, grouping, voting, the results', async () => {
  const title = 'Colaborador soñado y colaborador pesadilla';
  await goTo(title);
  const board = await agendaIndex(title);
  await measure('board', 'write', { ready: (p) => p.locator('.board-phone textarea') });
  await phone.locator('.board-phone textarea').fill('Avisa a tiempo cuando algo cambia');
  await phone.locator('.board-phone form.board-write button[type="submit"]').click();
  await send({ addNote: { board, column: 3, row: 1, text: 'Cambia los plazos sin avisar a nadie' } }, 'Beto');
  await measure('board', 'write-mine', { ready: (p) => p.locator('.board-phone .my-notes li') });
  const phases = [
    ['REVEAL', '.board-phone .board-cell'],
    ['GROUP', '.board-phone .board-cell .note-actions'],
    ['VOTE', '.board-phone .dots-left'],
    ['RESULTS', '.board-phone .board-ranking'],
  ];
  for (const [phase, ready] of phases) {
    if (phase === 'RESULTS') {
      const note = await doc('DOC_KIND_BOARD_NOTE', 'boardNote', (n) => n.text === 'Cambia los plazos sin avisar a nadie');
      await send({ castDot: { noteId: note.id } }, 'Beto');
    }
    await send({ setBoardPhase: { board, phase: `BOARD_PHASE_${phase}` } });
    await measure('board', phase.toLowerCase(), { ready: (p) => p.locator(ready).first() });
  }
});

test('the open question, then a question asked live above it, then the closing', async () => {
  await goTo('Reflexión');
  await measure('question', 'open', { ready: (p) => p.locator('.question textarea') });
  await send({ askQuestion: { prompt: '¿Qué te llevas de hoy?' } });
  await phone.locator('.live-question [data-title]').waitFor();
  await measure('live-question', 'open', { ready: (p) => p.locator('.live-question textarea') });
  const title = await phone.evaluate(() => document.querySelector('[data-title]').textContent);
  assert.equal(title, '¿Qué te llevas de hoy?', 'the question asked live comes first');
  await goTo('Cierre');
  const question = await doc('DOC_KIND_LIVE_QUESTION', 'liveQuestion', (q) => q.open);
  await send({ closeQuestion: { questionId: question.id } });
  await phone.locator('.live-question').waitFor({ state: 'detached' });
  await measure('waiting', 'last-item', { ready: (p) => p.locator('.now-section .calm') });

  // After a reload no tap has been made on the page, and a browser lets a page ring only after
  // one: the phone says so, with a button; the tap makes it go.
  await phone.reload();
  const prompt = phone.locator('.sound-prompt');
  await prompt.getByRole('button').waitFor();
  await phone.screenshot({ path: join(shots, `sound-prompt-${sizeName()}-${language}.png`) });
  assert.deepEqual(await axeViolations(phone), [], 'the sound prompt');
  await prompt.getByRole('button').click();
  await prompt.waitFor({ state: 'detached' });
  assert.equal(await phone.evaluate(() => window.scrollY), 0);
});
