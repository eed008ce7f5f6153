// Speed dating with five phones, one of them remote (and in English), over three rounds: new
// meetings every round, a trio every round and it moves around, in-room pairs sit at the tables the
// console named, one speaker at a time (a third turn for the trio while the pair writes notes),
// the bells ring on every page, the current action is in the phone's first screenful, and notes
// leave a phone only when their writer shares them (the export counts who shared).
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, test } from 'node:test';
import { join } from 'node:path';
import { axeViolations, ensureOutputDir, launchBrowser, newDevice, Server } from './harness.mjs';

let server;
let browser;
let desk;
let screen;
const phones = new Map(); // name -> page
const traffic = new Map(); // page -> received WebSocket payloads
const note = 'Nota secreta de Ana: su piloto de ventanilla única funcionó a la tercera';
const betoNote = 'Beto comparte esta: el tablero de trámites';
// Phones of the two sizes the issue names; Rita, online, reads English.
const devices = {
  Ana: { viewport: { width: 390, height: 844 } },
  Beto: { viewport: { width: 360, height: 640 } },
  Carla: { viewport: { width: 390, height: 844 } },
  Diego: { viewport: { width: 360, height: 640 } },
  Rita: {
    viewport: { width: 390, height: 844 },
    locale: 'en-US',
    remote: true,
  },
};

function record(page) {
  const frames = [];
  traffic.set(page, frames);
  page.on('websocket', (ws) => ws.on('framereceived', (f) => frames.push(Buffer.from(f.payload))));
}

async function bells(page) {
  return page.evaluate(() => (window.campanaBells ?? []).filter((b) => b.key.startsWith('bell:')).length);
}

async function ringEverywhere(button) {
  const pages = [...phones.values(), screen];
  const before = await Promise.all(pages.map(bells));
  await desk.getByRole('button', { name: button }).click();
  for (const [i, page] of pages.entries()) {
    await page.waitForFunction(
      (n) => (window.campanaBells ?? []).filter((b) => b.key.startsWith('bell:')).length > n,
      before[i],
      { timeout: 10000 },
    );
  }
}

// Inside the dating card's first screenful: with the card's top at the top of the screen, the
// thing is visible without scrolling further. (The page above the card, header and "now", is the
// phone shell's, checked by its own test.)
async function assertInFirstScreen(page, locator, what) {
  await page.locator('.dating-phone').evaluate((card) => card.scrollIntoView({ block: 'start' }));
  const box = await locator.boundingBox();
  const height = page.viewportSize().height;
  assert.ok(box && box.y >= 0 && box.y + box.height <= height, `${what}: ${JSON.stringify(box)} in ${height} px`);
}

// The console's list of this round's units: [{names, place}].
async function units() {
  const rows = await desk.locator('.pairs li').allInnerTexts();
  return rows.map((row) => {
    const [names, place] = row.split(' · ');
    return { names: names.split(' – '), place };
  });
}

const exported = () =>
  desk.evaluate(
    async ([code, key]) =>
      (
        await fetch(`/api/workshops/${code}/export`, {
          headers: { Authorization: `Bearer ${key}` },
        })
      ).json(),
    [server.code, server.key],
  );

before(async () => {
  server = await new Server().start();
  browser = await launchBrowser();
  for (const [name, { viewport, locale, remote }] of Object.entries(devices)) {
    const page = await (
      await newDevice(browser, server, {
        acceptDownloads: true,
        viewport,
        locale,
        bypassCSP: true,
      })
    ).newPage();
    record(page);
    await page.goto(server.phone());
    const en = locale === 'en-US';
    await page.getByLabel(en ? 'Your name' : 'Tu nombre').fill(name);
    if (remote) await page.getByLabel(en ? 'Online' : 'En línea').check();
    await page.getByRole('button', { name: en ? 'Join' : 'Unirme' }).click();
    await page.locator('.me-toggle').getByText(name, { exact: true }).waitFor();
    phones.set(name, page);
  }
  desk = await (
    await newDevice(browser, server, {
      viewport: { width: 1400, height: 1100 },
      bypassCSP: true,
    })
  ).newPage();
  record(desk);
  await desk.goto(server.console());
  screen = await (
    await newDevice(browser, server, { viewport: { width: 1280, height: 720 }, bypassCSP: true })
  ).newPage();
  record(screen);
  await screen.goto(server.screen());
  await desk.getByRole('button', { name: 'Ir a: Citas rápidas' }).click();
  for (const [name, page] of phones) {
    await page
      .getByText(name === 'Rita' ? 'Wait: the first date starts soon.' : 'Espera: la primera cita empieza pronto.')
      .waitFor();
  }
});

after(async () => {
  await browser?.close();
  await server?.dispose();
});

test('three rounds: new meetings, a moving trio, named tables, one speaker at a time, shared notes only', async () => {
  // The room has two named tables.
  await desk.getByRole('radio', { name: 'Mesas con nombre' }).check();
  await desk.getByLabel('Nombres de las mesas (uno por línea)').fill('Ventana\nPuerta');
  await desk.getByRole('button', { name: 'Guardar mesas' }).click();

  const met = new Set();
  const inTrio = new Set();
  const key = (a, b) => [a, b].sort().join('+');
  for (let round = 1; round <= 3; round++) {
    await desk.getByRole('button', { name: 'Nueva cita: formar parejas' }).click();
    await screen.getByRole('heading', { name: `Citas rápidas · Cita ${round}` }).waitFor();
    await desk.getByRole('heading', { name: `Citas rápidas · Cita ${round}` }).waitFor();
    await desk.locator('.pairs li').nth(1).waitFor();
    const drawn = await units();
    assert.equal(drawn.flatMap((u) => u.names).length, 5, 'everyone has a date');
    const trio = drawn.find((u) => u.names.length === 3);
    assert.ok(trio, 'one trio');
    // Five people have ten pairings and a round uses four, and the trio moves (so round 2's pair is
    // two of round 1's trio): each round still brings at least two new meetings.
    const before = met.size;
    for (const unit of drawn) for (const a of unit.names) for (const b of unit.names) if (a < b) met.add(key(a, b));
    assert.ok(met.size - before >= 2, `round ${round}: ${met.size - before} new meetings`);
    trio.names.forEach((n) => inTrio.add(n));
    if (round === 2) assert.equal(inTrio.size, 5, 'after two rounds of five, everyone has been in the trio');

    // Rita, the one remote participant, meets on a call; the link names the workshop. The other
    // unit sits at the first named table.
    const call = phones.get('Rita').getByRole('link', { name: 'Join the video call' });
    await call.waitFor();
    assert.match(await call.getAttribute('href'), new RegExp(`campana-${server.code}-${round}-\\d$`));
    const inRoom = drawn.find((u) => !u.names.includes('Rita'));
    assert.equal(inRoom.place, 'Ventana');
    const seated = phones.get(inRoom.names[0]);
    await seated.locator('.partner', { hasText: '· Ventana' }).waitFor();

    // Ana takes the first turn in her unit, in the first screenful of her phone; the others are
    // drawn at the bell.
    const ana = phones.get('Ana');
    const anaUnit = drawn.find((u) => u.names.includes('Ana'));
    const iGoFirst = ana.getByRole('button', { name: 'Yo comparto primero' });
    await iGoFirst.waitFor();
    await assertInFirstScreen(ana, iGoFirst, 'Yo comparto primero');
    await assertInFirstScreen(ana, ana.locator('.partner'), '"Con X · place"');
    await iGoFirst.click();
    await ana.getByText('Comparte primero: Ana').waitFor();
    await ringEverywhere('Campana: empezar a compartir');
    await ana.getByRole('heading', { name: 'Te toca hablar' }).waitFor();
    await screen.locator('.screen-dating-turn', { hasText: 'Habla la primera persona' }).waitFor();
    await screen.getByText('Estoy impresionado por tu...').waitFor();
    await assertInFirstScreen(ana, ana.getByRole('heading', { name: 'Te toca hablar' }), 'who speaks now');
    await assertInFirstScreen(
      ana,
      ana.getByRole('textbox', { name: new RegExp(`^Cita ${round} con`) }),
      'the notes box',
    );
    if (round === 1) {
      // The projector's turn scene fits below the page's header without scrolling, at both sizes
      // (the frame around scenes, and what else the projector shows, is the projector shell's).
      for (const [width, height] of [
        [1920, 1080],
        [1280, 720],
      ]) {
        await screen.setViewportSize({ width, height });
        const [needed, room] = await screen.evaluate(() => [
          document.querySelector('.screen-dating').scrollHeight,
          window.innerHeight - document.querySelector('header').getBoundingClientRect().bottom,
        ]);
        assert.ok(needed <= room, `the dating scene needs ${needed} px of ${room} at ${width}x${height}`);
        await screen.screenshot({ path: join(ensureOutputDir('e2e'), `dating-projector-${width}x${height}.png`) });
      }
      await ana.screenshot({ path: join(ensureOutputDir('e2e'), 'dating-phone-390x844.png') });
      await phones.get('Beto').screenshot({ path: join(ensureOutputDir('e2e'), 'dating-phone-360x640.png') });
      // No serious accessibility fault on the turn's pages, in Spanish and (Rita) English.
      for (const page of [screen, desk, ana, phones.get('Rita')]) {
        assert.deepEqual(await axeViolations(page), [], page.url());
      }
      await ana.getByLabel(/^Cita 1 con/).fill(note);
      await ana.getByText('Guardado').waitFor();
      await ana.getByText('Privada: solo tú ves esta nota.', { exact: true }).waitFor();
    }

    // Each turn, exactly one member of Ana's unit is told to speak; the others listen.
    const speakers = async (turn) => {
      const of = anaUnit.names.length;
      for (const name of anaUnit.names) {
        await phones
          .get(name)
          .getByText(name === 'Rita' ? `Turn ${turn} of ${of}` : `Turno ${turn} de ${of}`)
          .waitFor();
      }
      const told = [];
      for (const name of anaUnit.names) {
        const page = phones.get(name);
        const heading = page.getByRole('heading', {
          name: name === 'Rita' ? 'Your turn to speak' : 'Te toca hablar',
        });
        if (await heading.isVisible()) told.push(name);
      }
      return told;
    };
    assert.deepEqual(await speakers(1), ['Ana']);
    await ringEverywhere('Campana: siguiente persona');
    await ana.getByRole('heading', { name: /^Habla / }).waitFor();
    await ana.locator('.dating-now .stems li', { hasText: 'Estoy impresionado por tu...' }).waitFor();
    await screen.locator('.screen-dating-turn', { hasText: 'Habla la segunda persona' }).waitFor();
    const second = await speakers(2);
    assert.equal(second.length, 1, `one speaker in turn 2: ${second}`);
    assert.notEqual(second[0], 'Ana');
    if (round === 2) {
      // Beto shares this date's note, on his phone, for this date only.
      const beto = phones.get('Beto');
      await beto.getByLabel(/^Cita 2 con/).fill(betoNote);
      await beto.getByText('Guardado').waitFor();
      await beto
        .getByRole('checkbox', {
          name: 'Compartir esta nota con la facilitación',
        })
        .check();
      await beto
        .getByText('Compartida: la facilitación la verá en la exportación del taller.', { exact: true })
        .waitFor();
    }

    // The trio's third turn: its third member speaks, the pair writes notes.
    await ringEverywhere('Campana: tercera persona (tríos)');
    await screen.locator('.screen-dating-turn', { hasText: 'Habla la tercera persona de cada trío' }).waitFor();
    const pair = drawn.find((u) => u.names.length === 2);
    for (const name of pair.names) {
      await phones
        .get(name)
        .getByText(
          name === 'Rita'
            ? 'Your date is over: write your notes while the trios finish.'
            : 'Tu cita terminó: escribe tus notas mientras los tríos terminan.',
        )
        .waitFor();
    }
    if (anaUnit.names.length === 3) {
      const third = await speakers(3);
      assert.equal(third.length, 1, `one speaker in turn 3: ${third}`);
      assert.ok(!['Ana', second[0]].includes(third[0]), 'the third speaker has not spoken yet');
    }
    await ringEverywhere('Campana: fin de la cita');
    await ana.getByText('La cita terminó. Espera la siguiente.').waitFor();
  }

  // Nothing was shared by Ana: the export has Beto's note only, and says one participant shared.
  let json = await exported();
  assert.equal(json.dating_units.length, 6, 'three rounds of two units each');
  assert.deepEqual(
    (json.dating_notes ?? []).map((n) => n.text),
    [betoNote],
  );
  assert.equal(json.participants_sharing_notes, 1);

  // Ana shares all her notes from her phone (folded under "Mis notas"); her phone says so.
  const ana = phones.get('Ana');
  await ana.getByText('Mis notas (1)').click();
  await ana.getByText('Ninguna de tus notas sale de este teléfono.').waitFor();
  await ana.getByRole('button', { name: 'Compartir todas mis notas' }).click();
  await ana
    .getByText('Compartes 1 de 1 notas con la facilitación (en la exportación); las demás solo las ves tú.')
    .waitFor();
  json = await exported();
  assert.ok(json.dating_notes.some((n) => n.text === note));
  assert.equal(json.participants_sharing_notes, 2);

  // Ana's download carries her note; no other page ever received it.
  const [download] = await Promise.all([
    ana.waitForEvent('download'),
    ana.getByRole('button', { name: 'Descargar mis notas' }).click(),
  ]);
  const file = await readFile(await download.path(), 'utf8');
  assert.ok(file.includes(note), file);
  assert.match(file, /^# Mis notas: Taller de demostración/);
  assert.match(download.suggestedFilename(), /notas\.md$/);
  const secret = Buffer.from(note);
  for (const [page, frames] of traffic) {
    const leaked = frames.some((f) => f.includes(secret));
    assert.equal(
      leaked,
      page === ana,
      `${page === ana ? 'Ana' : page.url()} ${leaked ? 'received' : 'did not receive'} the note`,
    );
  }
  console.log(
    `[ dating ] 3 rounds of 5 (one remote): ${met.size} different meetings of 10, ${inTrio.size} of 5 in the trio; the note reached 1 page of ${traffic.size}; ${json.participants_sharing_notes} shared`,
  );
});
