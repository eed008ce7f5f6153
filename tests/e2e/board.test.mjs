// A board of notes in Spanish, the demo's dream/nightmare grid, driven from the console: four
// phones in two groups (Diego online, in Carla's group) write notes privately; the console edits
// one and hides another before the reveal, and their authors' phones say so; the reveal shows
// each group its own board, with the nightmare row's question; a phone groups two notes and
// names the cluster; every phone spends its dots, and a double tap past the cap is refused in
// Spanish; the projector ranks each group's notes in the expected order. At each phase the
// phone's current action is in the first screenful of a 360x640 phone, axe-core finds nothing,
// and screenshots go to test-output/board/. Privacy: before the reveal no other phone and not
// the projector receives a private note; after it, the other group's phones still do not, nor
// does any page receive the hidden note; the anonymous notes carry no author's name to any page,
// the console's included. Then the SDG map's links and the room's live board.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { axeViolations, ensureOutputDir, launchBrowser, newDevice, Server, formChosenGroups } from './harness.mjs';

const shots = ensureOutputDir('board');
const boardTitle = 'Colaborador soñado y colaborador pesadilla';
const later = /¿Por qué actuaron así\?/;
// Who writes what: [column, row, text]. Group 1: Ana and Beto; group 2: Carla and Diego (online).
const people = {
  Ana: { group: 1, notes: [['Comunicación', 'Sueño', 'Avisa a tiempo cuando algo cambia']] },
  Beto: {
    group: 1,
    notes: [
      ['Comunicación', 'Sueño', 'Explica el porqué de cada tarea'],
      ['Tiempo', 'Pesadilla', 'Cambia los plazos sin avisar'],
    ],
  },
  Carla: { group: 2, notes: [['Franqueza', 'Sueño', 'Dice lo que piensa con respeto']] },
  Diego: {
    group: 2,
    remote: true,
    notes: [
      ['Motivación', 'Pesadilla', 'Trabaja solo para su jefe'],
      ['Comunicación', 'Pesadilla', 'Grita en las reuniones a Fulano'],
    ],
  },
};
const edited = 'Cambia los plazos sin avisar a nadie';
const hidden = 'Grita en las reuniones a Fulano';

let server;
let browser;
let driver; // a facilitator's socket, keeping the documents it is sent: what the staff receive
let desk; // the console
let screen; // the projector
const phones = new Map(); // name -> page
const traffic = new Map(); // page -> received WebSocket payloads
let boardIndex = -1;

function record(page) {
  const frames = [];
  traffic.set(page, frames);
  page.on('websocket', (ws) => ws.on('framereceived', (f) => frames.push(Buffer.from(f.payload))));
}

function received(page, text) {
  return traffic.get(page).some((f) => f.includes(Buffer.from(text)));
}

// Retries `check` until it returns something truthy.
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

// In the driver page: a facilitator's WebSocket, speaking campana.v1.json, keeping the documents
// it is sent (so the test reads the agenda and checks what the staff receive of each note).
function installDriver() {
  let nextRequest = 1;
  window.driver = {
    docs: {},
    connect(hello) {
      return new Promise((resolve, reject) => {
        const ws = new WebSocket(`ws://${location.host}/ws`, 'campana.v1.json');
        const pending = new Map();
        const request = (message) => {
          const requestId = String(nextRequest++);
          ws.send(JSON.stringify({ requestId, ...message }));
          return new Promise((done) => pending.set(requestId, done));
        };
        ws.onmessage = (event) => {
          const message = JSON.parse(event.data);
          const reply = message.welcome ?? message.ack ?? message.rejection;
          if (reply && pending.has(reply.requestId)) {
            pending.get(reply.requestId)(message);
            pending.delete(reply.requestId);
          }
          const key = (d) => `${d.kind}:${d.id ?? '0'}`;
          for (const doc of message.snapshot?.docs ?? []) window.driver.docs[key(doc)] = doc;
          for (const patch of message.delta?.patches ?? []) {
            if (patch.put) window.driver.docs[key(patch.put)] = patch.put;
            else if (patch.remove) delete window.driver.docs[key(patch.remove)];
          }
        };
        ws.onerror = () => reject(new Error('the facilitator socket failed'));
        ws.onopen = async () => {
          const welcome = await request({ hello });
          if (welcome.welcome) resolve();
          else reject(new Error(JSON.stringify(welcome)));
        };
      });
    },
  };
}

// The facilitator's documents of one kind (their bodies).
async function docs(kind, field) {
  return driver.evaluate(
    ([k, f]) => Object.values(window.driver.docs).filter((d) => d.kind === k).map((d) => d[f]),
    [kind, field],
  );
}

// The console's phase button, then every phone shows the phase.
async function setPhase(name) {
  const panel = desk.getByRole('region', { name: 'Tablero' });
  await panel.getByRole('group', { name: 'Fases del tablero' }).getByRole('button', { name, exact: true }).click();
  await panel.getByText(`Fase actual: ${name}`).waitFor();
  for (const page of phones.values()) {
    await page.locator('.board-phone h2').getByText(new RegExp(`^${name} · `)).waitFor();
  }
}

// A note in the console's moderation list.
const moderated = (text) => desk.locator('li.board-mod-note').filter({ hasText: text });

const board = (page) => page.locator('section.board-phone');

// The phone's first screenful: the moment's title and the board's primary controls are in view
// without scrolling, primary buttons are 48 px tall; axe finds nothing; a screenshot.
async function measure(name, phase) {
  const page = phones.get(name);
  await page.evaluate(() => window.scrollTo(0, 0));
  const seen = await page.evaluate(() => {
    const box = (el) => el.getBoundingClientRect().toJSON();
    return {
      height: window.innerHeight,
      title: box(document.querySelector('[data-title]')),
      primary: [...document.querySelectorAll('.board-phone [data-primary]')].map((el) => ({
        what: el.outerHTML.slice(0, 80),
        box: box(el),
      })),
      buttons: [...document.querySelectorAll('.board-phone [data-primary] button.primary')].map((el) => ({
        what: el.textContent,
        box: box(el),
      })),
    };
  });
  await page.screenshot({ path: join(shots, `${phase}-phone-${name}.png`) });
  const where = `${phase}, ${name}'s phone`;
  assert.ok(seen.title.bottom <= seen.height, `${where}: the title is in view`);
  assert.ok(seen.primary.length > 0, `${where}: a primary control`);
  for (const p of seen.primary) {
    assert.ok(p.box.top >= 0 && p.box.bottom <= seen.height + 0.5, `${where}: ${p.what} at ${JSON.stringify(p.box)}`);
  }
  for (const b of seen.buttons) assert.ok(b.box.height >= 48, `${where}: "${b.what}" is ${b.box.height} px tall`);
  assert.deepEqual(await axeViolations(page), [], `${where}: axe`);
}

async function projectorShot(phase) {
  await screen.screenshot({ path: join(shots, `${phase}-projector.png`) });
}

// Writes a note in a cell through the phone's own controls.
async function write(page, [column, row, text]) {
  const view = board(page);
  const chooseIn = async (label, value) => {
    const select = view.getByRole('combobox', { name: label });
    if (await select.count()) await select.selectOption({ label: value });
    else await view.getByRole('group', { name: label }).getByRole('button', { name: value }).click();
  };
  await chooseIn('Columna', column);
  if (row) await chooseIn('Fila', row);
  await view.getByLabel('Tu nota').fill(text);
  await view.getByRole('button', { name: 'Agregar nota' }).click();
  await view.locator('.my-notes li').filter({ hasText: text }).waitFor();
  // Said under the button too, in the first screenful: my notes are further down.
  await view.getByRole('status').getByText(/^✓ Nota agregada/).waitFor();
  assert.equal(await view.getByLabel('Tu nota').inputValue(), '', 'the box is empty for the next note');
}

// The anonymous board's notes name nobody: no note on any page carries a participant's name.
async function assertNoAuthors(pages) {
  for (const page of pages) {
    const texts = await page
      .locator('.board-note, .vote-unit, .board-ranking li, .board-mod-note, .screen-board li')
      .allInnerTexts();
    for (const name of Object.keys(people)) {
      for (const t of texts) assert.ok(!t.includes(name), `"${name}" appears by a note: ${t}`);
    }
  }
  for (const note of await docs('DOC_KIND_BOARD_NOTE', 'boardNote')) {
    assert.ok(!note.authorName, `the note "${note.text}" carries its author to the facilitators`);
    assert.equal(note.anonymous, true);
  }
}

before(async () => {
  server = await new Server().start();
  browser = await launchBrowser();
  driver = await (await newDevice(browser, server, { bypassCSP: true })).newPage();
  await driver.goto(`${server.base}/`);
  await driver.evaluate(installDriver);
  await driver.evaluate(
    ([code, key]) => window.driver.connect({ workshopCode: code, role: 'ROLE_FACILITATOR', facilitatorKey: key }),
    [server.code, server.key],
  );
  for (const [name, { remote }] of Object.entries(people)) {
    const page = await (
      await newDevice(browser, server, { viewport: { width: 360, height: 640 }, bypassCSP: true })
    ).newPage();
    record(page);
    await page.goto(server.phone());
    await page.getByLabel('Tu nombre').fill(name);
    if (remote) await page.getByLabel('En línea').check();
    await page.getByRole('button', { name: 'Unirme' }).click();
    await page.locator('.me-toggle').getByText(name, { exact: true }).waitFor();
    phones.set(name, page);
  }
  desk = await (await newDevice(browser, server, { viewport: { width: 1400, height: 1000 }, bypassCSP: true })).newPage();
  record(desk);
  await desk.goto(server.console());
  screen = await (await newDevice(browser, server, { viewport: { width: 1280, height: 720 }, bypassCSP: true })).newPage();
  record(screen);
  await screen.goto(server.screen());
  await screen.getByText(server.code, { exact: true }).waitFor();

  // Two groups, chosen on the phones, from the console's groups tab.
  await formChosenGroups(desk, phones, people, 2);

  await desk.getByRole('button', { name: `Ir a: ${boardTitle}` }).click();
  const agenda = (await docs('DOC_KIND_AGENDA', 'agenda'))[0];
  boardIndex = agenda.items.findIndex((item) => item.title === boardTitle);
  await eventually(async () => (await docs('DOC_KIND_AGENDA', 'agenda'))[0].current === boardIndex, 'on the board');
  for (const page of phones.values()) await board(page).getByRole('button', { name: 'Agregar nota' }).waitFor();
});

after(async () => {
  await browser?.close();
  await server?.dispose();
});

test('writing: each phone writes its notes privately, in its cells', async () => {
  const ana = phones.get('Ana');
  // What the phone says about privacy, before anything is written.
  await board(ana).getByText('Solo tú y la facilitación ven tus notas hasta que se revelen.').waitFor();
  await board(ana).getByText('Son anónimas: nadie verá quién las escribió.').waitFor();
  await measure('Ana', 'write');
  for (const [name, { notes }] of Object.entries(people)) {
    for (const note of notes) await write(phones.get(name), note);
  }
  await board(ana).getByRole('heading', { name: 'Mis notas (1)' }).waitFor();
  await board(phones.get('Beto')).getByRole('heading', { name: 'Mis notas (2)' }).waitFor();
  await measure('Beto', 'write-with-notes');

  // Private: nobody else received a note, the projector neither.
  for (const [name, { notes }] of Object.entries(people)) {
    for (const [, , text] of notes) {
      for (const [other, page] of phones) {
        if (other !== name) assert.ok(!received(page, text), `${name}'s note reached ${other}'s phone before the reveal`);
      }
      assert.ok(!received(screen, text), `${name}'s note reached the projector before the reveal`);
      assert.equal(await screen.getByText(text).count(), 0);
    }
  }
  await projectorShot('write');
});

test('moderation before the reveal: the console edits a note and hides another; their authors are told', async () => {
  const [beto, diego] = [phones.get('Beto'), phones.get('Diego')];
  // The console sees every note, private ones too, anonymous.
  await moderated(people.Beto.notes[1][2]).getByText(/Anónimo/).waitFor();
  await moderated(people.Beto.notes[1][2]).getByRole('button', { name: 'Editar' }).click();
  await moderated(people.Beto.notes[1][2]).getByLabel('Texto de la nota').fill(edited);
  await moderated(people.Beto.notes[1][2]).getByRole('button', { name: 'Guardar' }).click();
  await moderated(edited).getByText('Editada por la facilitación').waitFor();
  await moderated(hidden).getByRole('button', { name: 'Ocultar' }).click();
  await moderated(hidden).getByText('Oculta', { exact: true }).waitFor();
  await desk.screenshot({ path: join(shots, 'write-moderated-console.png') });
  const note = board(beto).locator('.my-notes li').filter({ hasText: edited });
  await note.getByText('La facilitación editó esta nota.').waitFor();
  await beto.screenshot({ path: join(shots, 'write-moderated-phone-Beto.png') });
  const gone = board(diego).locator('.my-notes li').filter({ hasText: hidden });
  await gone.getByText('La facilitación ocultó esta nota: solo tú y la facilitación la ven.').waitFor();
  assert.equal(await gone.getByRole('button', { name: /^Editar/ }).count(), 0, 'a hidden note cannot be edited');
  // Said in the first screenful too: the notes themselves are further down.
  const summary = board(diego).locator('.moderation-summary');
  await summary.getByText('La facilitación ocultó una de tus notas.').waitFor();
  const box = await summary.boundingBox();
  assert.ok(box.y + box.height <= 640, `the moderation is said above the fold: ${JSON.stringify(box)}`);
  await board(beto).locator('.moderation-summary').getByText('La facilitación editó una de tus notas.').waitFor();
  await diego.screenshot({ path: join(shots, 'write-hidden-phone-Diego.png') });
  assert.ok(!received(phones.get('Carla'), edited), 'the edited note stays private too');
});

test('the reveal: each group sees its own board, with the nightmare row’s question', async () => {
  await setPhase('Revelar');
  const [ana, carla] = [phones.get('Ana'), phones.get('Carla')];
  await board(ana).getByText('Explica el porqué de cada tarea').waitFor();
  await board(ana).getByText(edited).waitFor();
  await board(ana).getByText(later).waitFor();
  await board(carla).getByText('Trabaja solo para su jefe').waitFor();
  // The hidden note: on its author's phone only, marked; no other page ever received it.
  await board(phones.get('Diego')).locator('.board-note.hidden-note').getByText(hidden).waitFor();
  assert.equal(await board(carla).getByText(hidden).count(), 0);
  for (const page of [ana, carla, phones.get('Beto'), screen]) assert.ok(!received(page, hidden), 'the hidden note reached a page');
  for (const [, , text] of [...people.Ana.notes, ...people.Beto.notes]) {
    assert.ok(!received(carla, text), `group 1's note "${text}" reached group 2`);
  }
  assert.ok(!received(carla, edited));
  await assertNoAuthors([...phones.values(), screen, desk]);
  await measure('Ana', 'reveal');
  await measure('Diego', 'reveal');
  await projectorShot('reveal');
});

test('grouping: a phone puts two notes together and names the cluster', async () => {
  await setPhase('Agrupar');
  const [ana, beto] = [phones.get('Ana'), phones.get('Beto')];
  await measure('Ana', 'group');
  const view = board(ana);
  await view.getByRole('button', { name: 'Agrupar «Avisa a tiempo cuando algo cambia» con…' }).click();
  await view.getByText('Elige la nota que va con «Avisa a tiempo cuando algo cambia».').waitFor();
  await view.getByRole('button', { name: 'Poner con «Explica el porqué de cada tarea»' }).click();
  const cluster = view.locator('li.cluster');
  await cluster.waitFor();
  await cluster.getByLabel('Nombre del grupo').fill('Informar bien');
  await cluster.getByRole('button', { name: 'Nombrar' }).click();
  // The group's other phone sees the cluster, named.
  const named = board(beto).locator('li.cluster').getByLabel('Nombre del grupo');
  await eventually(async () => (await named.inputValue()) === 'Informar bien', "the cluster's name on Beto's phone");
  assert.equal(await board(beto).locator('li.cluster .board-note').count(), 2);
  await ana.screenshot({ path: join(shots, 'group-clustered-phone-Ana.png') });
  assert.deepEqual(await axeViolations(ana), [], 'group, clustered: axe');
  await projectorShot('group');
});

// Taps + on the unit holding `text` `times` times, waiting for each dot to count.
async function dot(name, text, times = 1) {
  const page = phones.get(name);
  const unit = board(page).locator('li.vote-unit').filter({ hasText: text });
  for (let i = 0; i < times; i++) {
    const before = await unit.locator('.my-dots').innerText();
    await unit.getByRole('button', { name: /^Dar un punto a/ }).click();
    await eventually(async () => (await unit.locator('.my-dots').innerText()) !== before, `${name}'s dot on "${text}"`);
  }
}

test('voting: the dots left stay in view; past the cap a dot is refused, in Spanish', async () => {
  await setPhase('Votar');
  const ana = phones.get('Ana');
  await board(ana).getByText('Te quedan 5 puntos de 5').waitFor();
  await measure('Ana', 'vote');

  // Ana: 3 on the cluster (the cap), 2 on Beto's deadline note. The third is a double tap: both
  // taps leave before the first dot comes back, and the server refuses the second, in Spanish.
  await dot('Ana', 'Informar bien', 2);
  const cluster = board(ana).locator('li.vote-unit').filter({ hasText: 'Informar bien' });
  const plus = cluster.getByRole('button', { name: /^Dar un punto a/ });
  await plus.evaluate((button) => {
    button.click();
    button.click();
  });
  await board(ana).getByRole('alert').getByText('No se contó: ya tiene 3 puntos tuyos, el máximo.').waitFor();
  await cluster.getByText('Tus puntos: 3').waitFor();
  assert.equal(await plus.isDisabled(), true, '+ is off at the cap');
  await cluster.getByText('Ya tiene 3, el máximo por nota.').waitFor();
  await ana.screenshot({ path: join(shots, 'vote-refused-phone-Ana.png') });
  await dot('Ana', edited, 2);
  await board(ana).getByText('Te quedan 0 puntos de 5').waitFor();
  await board(ana).getByText('Ya usaste todos tus puntos: quita uno para moverlo.').waitFor();
  // Scrolled down the list, the dots left are still on screen.
  await ana.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  const left = await board(ana).locator('.dots-left').boundingBox();
  assert.ok(left.y >= 0 && left.y + left.height <= 640, `the dots left stay in view: ${JSON.stringify(left)}`);
  await ana.screenshot({ path: join(shots, 'vote-spent-phone-Ana.png') });

  // Beto: 2 on the deadline note, 1 on the cluster: deadline 4, cluster 4, a tie.
  await dot('Beto', edited, 2);
  await dot('Beto', 'Informar bien', 1);
  // Group 2: Carla 3 on Diego's note, Diego 1 on Carla's.
  await dot('Carla', 'Trabaja solo para su jefe', 3);
  await dot('Diego', 'Dice lo que piensa con respeto', 1);
  await measure('Diego', 'vote');
  await projectorShot('vote');
});

test('results: the ranking on the phones and on the projector, most dots first', async () => {
  await setPhase('Resultados');
  const ana = phones.get('Ana');
  const ranking = board(ana).locator('ol.board-ranking > li');
  await ranking.nth(1).waitFor();
  const rows = await ranking.allInnerTexts();
  // A tie: both first, the older (the cluster of notes 1 and 2) before.
  assert.match(rows[0], /^1\.º[\s\S]*Informar bien[\s\S]*4 puntos$/);
  assert.match(rows[1], new RegExp(`^1\\.º[\\s\\S]*${edited}[\\s\\S]*4 puntos$`));
  const carla = await board(phones.get('Carla')).locator('ol.board-ranking > li').allInnerTexts();
  assert.match(carla[0], /^1\.º[\s\S]*Trabaja solo para su jefe[\s\S]*3 puntos$/);
  assert.match(carla[1], /^2\.º[\s\S]*Dice lo que piensa con respeto[\s\S]*1 punto$/);
  await measure('Ana', 'results');
  await measure('Carla', 'results');
  await assertNoAuthors([...phones.values(), screen, desk]);

  // The projector: every group's first ones, then group 1's ranking, then group 2's.
  await screen.locator('section.screen-board[data-board-group="all"] .board-rank').first().waitFor();
  await projectorShot('results-all-groups');
  const onProjector = desk.getByRole('region', { name: 'Tablero' }).getByLabel('En el proyector');
  const ranks = async () =>
    screen.locator('ol.board-ranking > li.board-rank').evaluateAll((items) =>
      items.map((li) => `${li.dataset.rank} ${li.querySelector('.board-rank-title')?.textContent ?? ''}|${li.querySelector('.board-rank-text').textContent}`),
    );
  await onProjector.selectOption({ label: 'Grupo 1' });
  await screen.locator('section.screen-board[data-board-group="1"] ol.board-ranking').waitFor();
  assert.deepEqual(await ranks(), [
    `1 Informar bien|${people.Ana.notes[0][2]} · ${people.Beto.notes[0][2]}`,
    `1 |${edited}`,
  ]);
  await projectorShot('results-group-1');
  await onProjector.selectOption({ label: 'Grupo 2' });
  await screen.locator('section.screen-board[data-board-group="2"] ol.board-ranking').waitFor();
  assert.deepEqual(await ranks(), ['1 |Trabaja solo para su jefe', '2 |Dice lo que piensa con respeto']);
  await projectorShot('results-group-2');
  assert.deepEqual(await axeViolations(screen), [], 'the projector, results: axe');
  assert.ok(!received(screen, hidden), 'the hidden note never reached the projector');
});

test('the SDG map: a note linked to another goal while writing, to another note while grouping', async () => {
  const title = 'Mapa de los ODS';
  await desk.getByRole('button', { name: `Ir a: ${title}` }).click();
  const [ana, beto] = [phones.get('Ana'), phones.get('Beto')];
  await board(ana).getByRole('heading', { name: 'Escribir · Grupo 1' }).waitFor();
  // Four short goals and two rows: chips, not selects.
  await board(ana).getByRole('group', { name: 'Columna' }).getByRole('button', { name: 'ODS 16' }).waitFor();
  await write(ana, ['ODS 8', 'Factores habilitantes', 'Capacitación continua del personal']);
  await write(beto, ['ODS 16', 'Desafíos', 'Rotación de funcionarios cada cambio de gobierno']);
  const mine = board(ana).locator('.my-notes li').filter({ hasText: 'Capacitación continua' });
  await mine.getByRole('button', { name: 'Vincular con ODS 16' }).click();
  await mine.locator('.goal-tag').getByText('→ ODS 16').waitFor();
  assert.equal(await mine.getByRole('button', { name: 'Vincular con ODS 16' }).getAttribute('aria-pressed'), 'true');
  await measure('Ana', 'sdg-write');

  await setPhase('Revelar');
  await setPhase('Agrupar');
  await board(ana).getByRole('heading', { name: 'Agrupar · Grupo 1' }).waitFor();
  await board(ana).getByRole('button', { name: 'Vincular «Capacitación continua del personal» con…' }).click();
  await board(ana).getByRole('button', { name: /^Vincular con «Rotación de funcionarios/ }).click();
  for (const page of [ana, beto]) {
    await board(page)
      .locator('.board-note')
      .filter({ hasText: 'Capacitación continua' })
      .getByText(/^↔ Vinculada con «Rotación de funcionarios/)
      .waitFor();
  }
  await ana.screenshot({ path: join(shots, 'sdg-group-linked-phone-Ana.png') });
  assert.deepEqual(await axeViolations(ana), [], 'the SDG map, linked: axe');
});

test('a board for the room, live: every phone sees each note as it is added', async () => {
  const title = 'Hacer menos, hacer más';
  await desk.getByRole('button', { name: `Ir a: ${title}` }).click();
  const [ana, carla] = [phones.get('Ana'), phones.get('Carla')];
  await board(ana).getByRole('heading', { name: 'Escribir · Toda la sala' }).waitFor();
  await board(ana).getByText('Toda la sala ve cada nota en cuanto la agregas.').waitFor();
  await write(carla, ['Hacer más', '', 'Escuchar a la ciudadanía antes de decidir']);
  await board(ana).getByText('Escuchar a la ciudadanía antes de decidir').waitFor();
  await board(ana).getByRole('heading', { name: 'Notas de la sala' }).waitFor();
  await measure('Ana', 'room-write');
});
