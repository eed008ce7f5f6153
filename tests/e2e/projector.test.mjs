// The projector, scene by scene, with 48 and with 500 participants and 500 answers, at
// 1920x1080 and 1280x720, in Spanish and in English: the joining scene, the title, the timers,
// the groups and teams, the race in each phase, the card sort in each phase, speed dating, the
// open question and the live question with their answers. In every one the page does not
// scroll, nothing runs past either edge, no text is cut by the scene's frame, no text is
// smaller than 28 px at 1080p (scaled with the height), and axe-core finds nothing serious (in
// each language, at one size: the other has the same elements and colours).
// The join code stays readable in the corner; timers are at least a fifth of the screen's
// height; a race team's last time stays up after its run; too many answers page by themselves;
// a scene the facilitator chooses replaces the run of show's until set back to AUTO.
// The crowd joins from one page through the pages' own protocol (crowd.mjs).
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { axeViolations, ensureOutputDir, launchBrowser, newDevice, Server } from './harness.mjs';
import { crowdScript, within } from './crowd.mjs';

const sizes = [{ width: 1920, height: 1080 }, { width: 1280, height: 720 }];
const answersInAll = 500;
const shots = ensureOutputDir('projector');
const DOC_GROUPS = 3;
const DOC_LIVE_QUESTION = 17;

let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

const firstNames = ['Ana', 'Beto', 'Carla', 'Diego', 'Elena', 'Fernando', 'Gabriela', 'Héctor', 'Isabel', 'Jorge', 'María José', 'Luis Fernando'];
const lastNames = ['López', 'Pérez', 'Ramírez', 'Castillo', 'de León', 'Hernández Morales', 'Us', 'Xajil', 'Sandoval Aguilar'];
const answerTexts = [
  'Confianza',
  'Escuchar antes de hablar',
  'Que el equipo se anime a probar cosas nuevas aunque no salgan a la primera',
  'Aprendí que un fracaso bien analizado enseña más que un éxito por suerte; quiero llevar esta idea a mi oficina y hablarlo con mi jefa el lunes, con ejemplos concretos de lo que vimos hoy en la carrera y en las tarjetas.',
  'Energía',
];

// N people (every sixth online, a few with names at the 40-character limit) and 500 answers to
// the live question between them.
function crowdOf(count, questionId) {
  return Array.from({ length: count }, (_, i) => {
    const long = i % 23 === 5;
    const name = long
      ? `${firstNames[i % firstNames.length]} ${lastNames[i % lastNames.length]} Wolfeschlegelstein`.slice(0, 36) + ` ${i}`
      : `${firstNames[i % firstNames.length]} ${lastNames[(i * 7) % lastNames.length]} ${i}`;
    const mine = Math.floor(answersInAll / count) + (i < answersInAll % count ? 1 : 0);
    const commands = Array.from({ length: mine }, (_, k) => ({
      case: 'answerQuestion',
      value: { questionId, text: `${answerTexts[(i + k) % answerTexts.length]} (${i}.${k})` },
    }));
    return { name, presence: i % 6 === 5 ? 2 : 1, commands };
  });
}

// What the test asserts of a scene, measured in the page.
function measure() {
  const width = window.innerWidth;
  const height = window.innerHeight;
  const floor = (28 / 1080) * height;
  const frame = document.querySelector('.fit-content');
  const shown = (el) => {
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden';
  };
  const describe = (el) => `${el.tagName.toLowerCase()}.${[...el.classList].join('.')} "${el.textContent.trim().slice(0, 30)}"`;
  const texts = [...document.querySelectorAll('body *')].filter(
    (el) => [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim()) && shown(el) && !el.closest('.visually-hidden, option'),
  );
  const small = texts
    .filter((el) => parseFloat(getComputedStyle(el).fontSize) < floor - 0.05)
    .map((el) => `${describe(el)} ${getComputedStyle(el).fontSize}`);
  // Text cut by a box that clips it, from the scene's frame inwards (a clamped name or answer
  // is its own box and ends in an ellipsis: that box is what is checked).
  const cut = [];
  for (const el of texts.filter((t) => frame?.contains(t))) {
    const r = el.getBoundingClientRect();
    const style = getComputedStyle(el);
    // A box squeezed below one line of its own text (a row of a grid too short for it).
    if (style.display !== 'inline' && el.clientHeight + 1 < Math.min(el.scrollHeight, parseFloat(style.lineHeight))) {
      cut.push(`${describe(el)} squeezed to ${el.clientHeight} px`);
    }
    for (let a = el.parentElement; a && frame.contains(a); a = a.parentElement) {
      const style = getComputedStyle(a);
      if (style.overflowX === 'visible' && style.overflowY === 'visible') continue;
      const box = a.getBoundingClientRect();
      if (r.bottom > box.bottom + 1 || r.right > box.right + 1) cut.push(`${describe(el)} past ${describe(a)}`);
    }
  }
  const past = [];
  for (const el of document.querySelectorAll('body *')) {
    const r = el.getBoundingClientRect();
    if (r.width === 0 || (r.right <= width + 0.5 && r.left >= -0.5)) continue;
    let clipped = false;
    for (let a = el.parentElement; a && !clipped; a = a.parentElement) {
      const box = a.getBoundingClientRect();
      clipped = ['hidden', 'clip'].includes(getComputedStyle(a).overflowX) && box.right <= width + 0.5 && box.left >= -0.5;
    }
    if (!clipped) past.push(describe(el));
  }
  const sizeOf = (selector) => [...document.querySelectorAll(selector)].filter(shown).map((el) => parseFloat(getComputedStyle(el).fontSize));
  return {
    width,
    height,
    floor,
    scrollHeight: document.scrollingElement.scrollHeight,
    scrollWidth: document.scrollingElement.scrollWidth,
    small,
    cut,
    past,
    smallest: Math.min(...texts.map((el) => parseFloat(getComputedStyle(el).fontSize))),
    cornerCode: sizeOf('.corner-join .join-code'),
    cornerQr: [...document.querySelectorAll('.corner-qr')].map((img) => img.getBoundingClientRect().height),
    bigCode: sizeOf('.join-panel .join-code'),
    clocks: sizeOf('.countdown-huge .countdown-time, .race-phase-big .countdown-time, .cards-clock .countdown-time, .screen-race .stopwatch, .screen-dating .countdown-time'),
    items: document.querySelectorAll('[data-fit-list] > :not([hidden])').length,
    pages: document.querySelector('.fit-pages')?.textContent ?? '',
  };
}

async function setLanguage(page, language) {
  await page.locator('.projector-foot select').selectOption(language);
  await page.locator(`html[lang="${language}"]`).waitFor();
}

// PROJECTOR_PEOPLE=48 runs one size of room, when working on a scene.
const rooms = process.env.PROJECTOR_PEOPLE ? [Number(process.env.PROJECTOR_PEOPLE)] : [48, 500];

test(`every scene of the projector fits the screen, with ${rooms.join(' and with ')} people`, { timeout: 400_000 }, async () => {
  for (const people of rooms) await walkThrough(people);
});

async function walkThrough(people) {
  const server = await new Server().start();
  const started = Date.now();
  try {
    const desk = await (await newDevice(browser, server, { bypassCSP: true })).newPage();
    await desk.goto(server.base);
    await desk.addScriptTag({ content: await crowdScript() });
    await desk.evaluate(([code, key]) => window.campanaCrowd.openDesk(code, key), [server.code, server.key]);
    const command = async (body) => {
      const reply = await desk.evaluate((b) => window.campanaCrowd.command(b), body);
      assert.ok(reply.ok, `${body.case}: ${reply.message}`);
      return reply;
    };
    const docs = (kind) => desk.evaluate((k) => window.campanaCrowd.docs(k), kind);
    // A command's Ack may arrive before the Delta it caused: wait for the documents themselves.
    const docsOnceThere = async (kind) => {
      await desk.waitForFunction((k) => window.campanaCrowd.docs(k).length > 0, kind, { timeout: 10_000 });
      return docs(kind);
    };

    const screens = [];
    for (const viewport of sizes) {
      const page = await (await newDevice(browser, server, { viewport, bypassCSP: true })).newPage();
      await page.goto(server.screen());
      await page.locator('main[data-scene="join"]').waitFor();
      screens.push({ page, size: `${viewport.width}x${viewport.height}` });
    }

    // The crowd joins and answers a question asked live, which is then closed (not shown).
    await command({ case: 'askQuestion', value: { prompt: '¿Qué te llevas de esta mañana para tu equipo?' } });
    const [question] = await docsOnceThere(DOC_LIVE_QUESTION);
    const questionId = question.liveQuestion.id;
    const joinStarted = Date.now();
    const refused = await within(150_000, `${people} people joining`, desk.evaluate(
      ([code, crowd, keepOpen]) => window.campanaCrowd.join(code, crowd, { batch: 100, keepOpen }),
      [server.code, crowdOf(people, questionId), Math.min(people, 40)],
    ));
    assert.equal(refused.length, 0, `every join and answer acknowledged: ${refused.slice(0, 3).join('; ')}`);
    const joinedIn = Date.now() - joinStarted;
    await command({ case: 'closeQuestion', value: { questionId } });

    const figures = [];
    const check = async (name, scene, { ready, extra } = {}) => {
      for (const { page, size } of screens) {
        await page.locator(`main[data-scene="${scene}"]`).waitFor();
        if (ready) await ready(page);
        for (const language of ['es', 'en']) {
          await setLanguage(page, language);
          const layout = await page.evaluate(measure);
          const where = `${name}, ${people} people, ${size}, ${language}`;
          assert.ok(layout.scrollHeight <= layout.height, `${where}: no scrolling (${layout.scrollHeight} > ${layout.height})`);
          assert.ok(layout.scrollWidth <= layout.width, `${where}: no sideways scrolling (${layout.scrollWidth} > ${layout.width})`);
          assert.deepEqual(layout.past, [], `${where}: nothing past the left or right edge`);
          assert.deepEqual(layout.cut, [], `${where}: no text cut by the frame`);
          assert.deepEqual(layout.small, [], `${where}: no text under ${layout.floor.toFixed(1)} px`);
          if (scene === 'join') {
            assert.ok(layout.bigCode[0] >= 0.085 * layout.height, `${where}: the code is big (${layout.bigCode})`);
          } else {
            assert.ok(layout.cornerCode[0] >= 0.06 * layout.height, `${where}: the code in the corner is readable (${layout.cornerCode})`);
            assert.ok(layout.cornerQr[0] >= 0.12 * layout.height, `${where}: so is the QR code (${layout.cornerQr})`);
          }
          extra?.(layout, where);
          await page.screenshot({ path: join(shots, `${name}-${people}-${size}-${language}.png`) });
          // axe-core once per scene and language: the other size has the same elements and colours.
          if (page === screens[0].page) assert.deepEqual(await axeViolations(page), [], `${where}: axe-core`);
          figures.push(`${name} ${size} ${language}: ${layout.items} items${layout.pages ? ` (${layout.pages})` : ''}, smallest text ${layout.smallest.toFixed(1)} px`);
        }
        await setLanguage(page, 'es');
      }
    };
    const bigClocks = (count) => (layout, where) => {
      assert.ok(layout.clocks.length >= count, `${where}: ${count} clocks shown (${layout.clocks.length})`);
      for (const size of layout.clocks) assert.ok(size >= 0.2 * layout.height, `${where}: a clock at least 20% of the height (${size} px)`);
    };
    const each = async (wait) => { for (const { page } of screens) await wait(page); };

    await check('join', 'join', {
      ready: (page) => page.getByRole('heading', { name: new RegExp(`^${people} personas`) }).waitFor(),
      extra: (layout, where) => assert.ok(layout.items > 0, `${where}: names are shown`),
    });

    await command({ case: 'gotoAgendaItem', value: { index: 0 } });
    await check('title', 'title');

    const timer = await command({ case: 'createTimer', value: { name: 'Pausa', durationMs: 600_000, scope: { kind: 1 } } });
    await command({ case: 'startTimer', value: { timerId: timer.createdId } });
    await check('timers', 'timers', { extra: bigClocks(1) });
    await command({ case: 'resetTimer', value: { timerId: timer.createdId } });

    await command({ case: 'setupGroups', value: { mode: 1, count: 4 } });
    await command({ case: 'defineTeams', value: { teams: [{ name: 'A', groups: [1, 3] }, { name: 'B', groups: [2, 4] }] } });
    await command({ case: 'gotoAgendaItem', value: { index: 1 } });
    await check('groups', 'groups', { ready: (page) => page.locator('.group-card').nth(3).waitFor() });

    await desk.waitForFunction((k) => window.campanaCrowd.docs(k)[0]?.groups?.teams?.length === 2, DOC_GROUPS, {
      timeout: 10_000,
    });
    const [{ groups }] = await docs(DOC_GROUPS);
    const teamId = (name) => groups.teams.find((t) => t.name === name).id;
    const teamCard = (page, name) => page.locator('.team-race', { hasText: `Equipo ${name}` });
    await command({ case: 'gotoAgendaItem', value: { index: 2 } });
    await check('race-ready', 'race', { ready: (page) => page.locator('.race-ready').waitFor() });
    await command({ case: 'startRaceStrategy', value: {} });
    await check('race-strategy', 'race', { ready: (page) => page.getByRole('timer', { name: /^Estrategia: / }).waitFor(), extra: bigClocks(3) });
    await command({ case: 'openRaceWindow', value: {} });
    await each((page) => page.getByRole('timer', { name: /^Ventana de ejecución: / }).waitFor());
    // Team A runs (a run is at least a second) and stops: its time stays up, big...
    await command({ case: 'startRun', value: { teamId: teamId('A') } });
    await each((page) => teamCard(page, 'A').locator('.stopwatch.running').getByText(/^0:0[1-9]\.\d$/).waitFor());
    await command({ case: 'stopRun', value: { teamId: teamId('A') } });
    const lastOf = (page) => teamCard(page, 'A').locator('.stopwatch:not(.running)').getByText(/^0:0[1-9]\.\d$/);
    await each((page) => lastOf(page).waitFor());
    const setTime = await lastOf(screens[0].page).innerText();
    // ...while team B runs, until team A's next run starts.
    await command({ case: 'startRun', value: { teamId: teamId('B') } });
    await each((page) => teamCard(page, 'B').locator('.stopwatch.running').getByText(/^0:0[1-9]\.\d$/).waitFor());
    for (const { page } of screens) assert.equal(await lastOf(page).innerText(), setTime, "team A's last time is still up");
    await check('race-execution', 'race', { extra: bigClocks(3) });
    await command({ case: 'stopRun', value: { teamId: teamId('B') } });
    await command({ case: 'finishRace', value: {} });
    await check('race-finished', 'race', { ready: (page) => page.locator('.race-result').waitFor(), extra: bigClocks(2) });

    // A facilitator's choice of scene wins over the run of show, until set back to AUTO.
    for (const [scene, name] of [[1, 'join'], [2, 'groups'], [3, 'timers'], [4, 'title'], [0, 'race']]) {
      await command({ case: 'showScene', value: { scene } });
      await each((page) => page.locator(`main[data-scene="${name}"]`).waitFor());
    }

    await command({ case: 'gotoAgendaItem', value: { index: 3 } });
    await check('cards-ready', 'cards', { ready: (page) => page.locator('.cards-instructions').waitFor() });
    await command({ case: 'startCardSort', value: {} });
    await check('cards-sorting', 'cards', { ready: (page) => page.locator('.group-status li').nth(3).waitFor(), extra: bigClocks(1) });
    await command({ case: 'revealCards', value: {} });
    await check('cards-revealed', 'cards', { ready: (page) => page.locator('.scored-orders > li').first().waitFor() });

    await command({ case: 'gotoAgendaItem', value: { index: 4 } });
    await command({ case: 'startDatingRound', value: {} });
    await check('dating-meeting', 'dating', { ready: (page) => page.locator('.screen-dating-turn').waitFor() });
    // A speaker's turn: who speaks (by role) and the listener's stems, big.
    await command({ case: 'startSharing', value: {} });
    await check('dating-sharing', 'dating', {
      ready: (page) => page.locator('.screen-dating-stems li').first().waitFor(),
      extra: bigClocks(1),
    });

    // The agenda's open question: those still connected answer; shown with names.
    await command({ case: 'gotoAgendaItem', value: { index: 5 } });
    const late = await desk.evaluate(() => window.campanaCrowd.fromKept((i) => ({ case: 'submitAnswer', value: { agendaIndex: 5, text: `Respuesta ${i}: escuchar más, juzgar menos` } })));
    assert.deepEqual(late, []);
    await command({ case: 'showAnswers', value: { agendaIndex: 5, show: true, withNames: true } });
    const kept = Math.min(people, 40);
    await check('question', 'question', { ready: (page) => page.locator('.answer-count').getByText(`${kept} respuestas`).waitFor() });

    // The live question's 500 answers, shown with names: more than a screen holds, so pages.
    await command({ case: 'showQuestionAnswers', value: { questionId, show: true, withNames: true } });
    await check('live-question', 'live-question', {
      ready: (page) => page.locator('.answer-count').getByText(`${answersInAll} respuestas`).waitFor(),
      extra: (layout, where) => {
        assert.ok(layout.items > 0 && layout.items < answersInAll, `${where}: some answers, not all (${layout.items})`);
        assert.match(layout.pages, /^(Página \d+ de|Page \d+ of) \d+$/, `${where}: a page indicator`);
      },
    });
    // The pages turn by themselves.
    const turned = Date.now();
    const indicator = await screens[0].page.locator('.fit-pages').innerText();
    await screens[0].page.waitForFunction((text) => document.querySelector('.fit-pages')?.textContent !== text, indicator, { timeout: 15_000 });
    const pageTurnMs = Date.now() - turned;

    // Taken off, and the agenda moves on: no answer of an earlier item stays on the screen.
    await command({ case: 'showQuestionAnswers', value: { questionId, show: false, withNames: false } });
    const closing = await desk.evaluate(() => window.campanaCrowd.docs(6)[0].agenda.items.length - 1); // the last item
    await command({ case: 'gotoAgendaItem', value: { index: closing } });
    for (const { page } of screens) {
      await page.locator('main[data-scene="title"]').waitFor();
      assert.equal(await page.locator('li.answer').count(), 0, 'no answers left on the screen');
    }

    console.log(`[ projector ] ${people} people joined with ${answersInAll} answers in ${joinedIn} ms; the page turned ${pageTurnMs} ms after it was read; all scenes in ${Date.now() - started} ms`);
    for (const line of figures.filter((f) => /^(join|groups|question|live-question|race-execution)/.test(f))) console.log(`[ projector ] ${people}: ${line}`);
  } finally {
    await server.dispose();
  }
}
