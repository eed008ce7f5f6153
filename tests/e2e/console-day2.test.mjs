// The second day of a workshop run from the console's agenda alone, in Spanish, with eight
// phones: the groups item proposes its groups and teams (applied in one click), teams are rebuilt
// by ticking groups, then the race (strategy, window, runs, finish), the card sort (deal, a lock
// from a phone, reveal) and a round of speed dating. Along the way: nothing is ever typed into the
// console (an input event on a text field there fails the test); every disabled button says why;
// no English detail from the server ever shows; the current controls are on screen without
// scrolling at 1280x800 and on a 10-inch tablet held upright (800x1280); axe-core in Spanish and
// English. Screenshots: test-output/console/<step>-<size>.png.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { axeViolations, ensureOutputDir, launchBrowser, newDevice, Server, sourceDir } from './harness.mjs';

const sizes = [
  { name: '1280x800', width: 1280, height: 800 },
  { name: 'tablet-800x1280', width: 800, height: 1280 },
];
const names = ['Ana', 'Beto', 'Carla', 'Diego', 'Elena', 'Fabián', 'Gabriela', 'Hugo'];
const shots = ensureOutputDir('console');

let server;
let browser;
let desk;
const phones = new Map(); // name -> page
const checked = { disabledWithReason: new Set(), steps: [] };

// Every English message the server's domain can put in a Rejection, read from its source: none
// may ever show on the Spanish console.
function serverMessages() {
  const found = new Set();
  const walk = (dir) => {
    for (const entry of readdirSync(dir)) {
      const path = join(dir, entry);
      if (statSync(path).isDirectory()) walk(path);
      else if (path.endsWith('.cc')) {
        for (const [, text] of readFileSync(path, 'utf8').matchAll(/Rejection::\w+\(\s*(?:std::string\()?"([^"]{8,})"/g)) {
          found.add(text.trim());
        }
      }
    }
  };
  walk(join(sourceDir, 'server', 'domain'));
  return [...found];
}

// Runs in the console page before its own code: records every text field typed into (a trusted
// input event on an <input> that is not a box to tick, or a <textarea>) and every text shown.
function watchConsole() {
  window.__typedInto = [];
  window.__shownTexts = new Set();
  document.addEventListener(
    'input',
    (event) => {
      const t = event.target;
      const text = t instanceof HTMLTextAreaElement || (t instanceof HTMLInputElement && !['checkbox', 'radio'].includes(t.type));
      if (text) window.__typedInto.push(t.labels?.[0]?.textContent ?? t.outerHTML.slice(0, 80));
    },
    true,
  );
  const keep = (text) => {
    const trimmed = (text ?? '').trim();
    if (trimmed.length >= 8 && window.__shownTexts.size < 20000) window.__shownTexts.add(trimmed);
  };
  new MutationObserver((records) => {
    for (const r of records) {
      if (r.type === 'characterData') keep(r.target.data);
      // Scripts and styles are not shown (the test's own axe-core is injected as a script).
      for (const node of r.addedNodes ?? []) if (!['SCRIPT', 'STYLE'].includes(node.nodeName)) keep(node.textContent);
      if (r.type === 'attributes') keep(r.target.getAttribute(r.attributeName));
    }
  }).observe(document, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ['title', 'aria-label'] });
}

// Every disabled console control has a reason: a title, and a description it points to.
async function disabledWithoutReason() {
  const buttons = await desk.evaluate(() =>
    [...document.querySelectorAll('button:disabled, select:disabled')]
      .map((b) => {
        const id = b.getAttribute('aria-describedby');
        const described = id ? document.getElementById(id)?.textContent.trim() : '';
        return { name: b.getAttribute('aria-label') || b.textContent.trim(), title: b.title, described };
      }),
  );
  for (const b of buttons) if (b.title && b.described === b.title) checked.disabledWithReason.add(`${b.name}: ${b.described}`);
  return buttons.filter((b) => !b.title || b.described !== b.title);
}

// The page never scrolls; the control is on screen with every column scrolled to its top.
async function onScreenWithoutScrolling(locator) {
  await desk.evaluate(() => document.querySelectorAll('.ros > *').forEach((c) => (c.scrollTop = 0)));
  const box = await locator.boundingBox();
  const page = await desk.evaluate(() => ({
    width: window.innerWidth,
    height: window.innerHeight,
    scrollWidth: document.documentElement.scrollWidth,
    scrollHeight: document.documentElement.scrollHeight,
  }));
  assert.ok(page.scrollWidth <= page.width, `no horizontal scrolling (${page.scrollWidth} > ${page.width})`);
  assert.ok(page.scrollHeight <= page.height, `the page does not scroll (${page.scrollHeight} > ${page.height})`);
  assert.ok(box, 'the control is drawn');
  assert.ok(box.y >= 0 && box.y + box.height <= page.height, `the control is on screen: y ${Math.round(box.y)} of ${page.height}`);
  assert.ok(box.x >= 0 && box.x + box.width <= page.width, `the control is on screen: x ${Math.round(box.x)} of ${page.width}`);
  return Math.round(box.y + box.height);
}

// At each step: the step's main control on screen at both sizes, a screenshot of each, and no
// disabled button without its reason.
async function step(name, control) {
  const bottoms = [];
  for (const size of sizes) {
    await desk.setViewportSize({ width: size.width, height: size.height });
    bottoms.push(`${size.name}: ${await onScreenWithoutScrolling(control)} px`);
    await desk.screenshot({ path: join(shots, `${name}-${size.name}.png`) });
  }
  await desk.setViewportSize({ width: sizes[0].width, height: sizes[0].height });
  assert.deepEqual(await disabledWithoutReason(), [], `${name}: every disabled button says why`);
  checked.steps.push(`${name} (${bottoms.join(', ')})`);
}

async function axeInBothLanguages(what) {
  assert.deepEqual(await axeViolations(desk), [], `${what}: axe-core in Spanish`);
  await desk.getByLabel('Idioma').selectOption('en');
  await desk.getByRole('button', { name: 'Next →' }).waitFor();
  assert.deepEqual(await axeViolations(desk), [], `${what}: axe-core in English`);
  await desk.screenshot({ path: join(shots, `${what}-en-${sizes[0].name}.png`) });
  assert.deepEqual(await disabledWithoutReason(), [], `${what}: every disabled button says why, in English`);
  await desk.getByLabel('Language').selectOption('es');
  await desk.getByRole('button', { name: 'Siguiente →' }).waitFor();
}

// The group of each person, as the console's roster says (its "Grupo de X" choice).
async function groupsByPerson() {
  await desk.getByRole('tab', { name: /^Participantes/ }).click();
  const groups = new Map();
  for (const name of names) groups.set(name, Number(await desk.getByLabel(`Grupo de ${name}`).inputValue()));
  return groups;
}

const next = () => desk.getByRole('button', { name: 'Siguiente →' }).click();
const now = (title) => desk.getByRole('heading', { level: 1, name: title }).waitFor();

before(async () => {
  server = await new Server().start();
  browser = await launchBrowser();
  const deskContext = await newDevice(browser, server, { viewport: sizes[0], bypassCSP: true });
  await deskContext.addInitScript(watchConsole);
  desk = await deskContext.newPage();
  await desk.goto(server.console());
  await desk.getByRole('heading', { name: 'Agenda' }).waitFor();
  for (const name of names) {
    const page = await (await newDevice(browser, server)).newPage();
    await page.goto(server.phone());
    await page.getByLabel('Tu nombre').fill(name);
    await page.getByRole('button', { name: 'Unirme' }).click();
    phones.set(name, page);
  }
  await desk.getByRole('heading', { name: `Participantes (${names.length})` }).waitFor();
});

after(async () => {
  await browser?.close();
  await server?.dispose();
});

test('day 2 from the agenda alone: proposed groups, teams by groups, race, cards, dating', async () => {
  await step('start', desk.getByRole('button', { name: 'Siguiente →' }));
  await next();
  await now('Bienvenida');
  assert.ok(await desk.getByRole('button', { name: '← Anterior' }).isEnabled());

  // The groups item proposes 4 groups, teams A (1, 3) and B (2, 4): one click applies it.
  await next();
  await now('Grupos y equipos');
  const proposal = desk.getByRole('group', { name: 'La agenda propone' });
  await proposal.getByText('4 grupos, equipos A: 1+3, B: 2+4').waitFor();
  await step('groups-proposed', proposal.getByRole('button', { name: 'Aplicar la propuesta' }));
  await proposal.getByRole('button', { name: 'Aplicar la propuesta' }).click();
  await proposal.getByText('Aplicada: los grupos y equipos son los propuestos.').waitFor();
  await desk.getByText('Equipos ahora: A: 1+3, B: 2+4').waitFor();
  const dealt = await groupsByPerson();
  assert.deepEqual([...new Set(dealt.values())].sort(), [1, 2, 3, 4], 'everyone is in one of 4 groups');
  for (const g of [1, 2, 3, 4]) assert.equal([...dealt.values()].filter((x) => x === g).length, 2, `group ${g} has 2 people`);

  // Teams rebuilt by ticking groups: A = 1+2, B = 3+4.
  await desk.getByRole('checkbox', { name: 'Grupo 2 en el equipo A' }).check();
  await desk.getByRole('checkbox', { name: 'Grupo 3 en el equipo B' }).check();
  assert.equal(await desk.getByRole('checkbox', { name: 'Grupo 2 en el equipo B' }).isChecked(), false, 'a group is in one team');
  // A team with no group cannot be sent: the button is off and says why.
  await desk.getByRole('button', { name: '+ Añadir un equipo' }).click();
  const define = desk.getByRole('button', { name: 'Definir equipos' });
  assert.equal(await define.isDisabled(), true);
  assert.equal(await define.getAttribute('title'), 'El equipo C no tiene ningún grupo.');
  await desk.getByRole('button', { name: 'Quitar el equipo C' }).click();
  await define.click();
  await desk.getByText('Equipos ahora: A: 1+2, B: 3+4').waitFor();
  await step('groups-teams', define);
  const teamOf = (name) => (dealt.get(name) <= 2 ? 'A' : 'B');
  for (const name of names.slice(0, 3)) await phones.get(name).getByText(`Equipo ${teamOf(name)}`).first().waitFor();
  await axeInBothLanguages('groups');

  // The race: strategy, window, a run from the console for each team, the finish.
  await next();
  await now('Reto de la pelota de tenis');
  const startA = desk.getByRole('button', { name: 'Iniciar cronómetro del equipo A' });
  assert.equal(await startA.isDisabled(), true, 'no run before the window opens');
  assert.equal(await startA.getAttribute('title'), 'La ventana de ejecución no está abierta.');
  await step('race-ready', desk.getByRole('button', { name: 'Iniciar estrategia' }));
  // The captain runs the team's stopwatch from a phone; here the console runs both.
  const captain = names.find((n) => teamOf(n) === 'A');
  await desk.getByLabel('Capitán del equipo A').selectOption({ label: captain });
  await desk.getByRole('button', { name: 'Iniciar estrategia' }).click();
  await desk.getByRole('timer', { name: /^Estrategia: / }).waitFor();
  assert.equal(await desk.getByRole('button', { name: 'Iniciar estrategia' }).getAttribute('title'), 'La estrategia ya empezó.');
  await desk.getByRole('button', { name: 'Abrir ventana de ejecución' }).click();
  await desk.getByRole('timer', { name: /^Ventana de ejecución: / }).waitFor();
  await startA.click();
  await desk.getByRole('button', { name: 'Iniciar cronómetro del equipo B' }).click();
  const stopB = desk.getByRole('button', { name: 'Detener cronómetro del equipo B' });
  // A run is at least a second: until then "stop" is off, and says so.
  await stopB.waitFor();
  await step('race-running', stopB);
  for (const t of ['B', 'A']) {
    const stop = `Detener cronómetro del equipo ${t}`;
    await desk.waitForFunction((name) => [...document.querySelectorAll('button')].some((b) => b.getAttribute('aria-label') === name && !b.disabled), stop);
    await desk.getByRole('button', { name: stop }).click();
  }
  await startA.waitFor();
  await desk.getByText(/^Recorridos: \d:\d\d\.\d$/).nth(1).waitFor();
  const finish = desk.getByRole('button', { name: 'Terminar la carrera' });
  await finish.click();
  const confirmFinish = desk.getByRole('group', { name: /^¿Terminar la carrera\?/ });
  await step('race-finish-asks', confirmFinish.getByRole('button', { name: 'Sí, terminar la carrera' }));
  await confirmFinish.getByRole('button', { name: 'Sí, terminar la carrera' }).click();
  await desk.getByText(/^Gana el equipo [AB] con \d:\d\d\.\d$/).waitFor();
  assert.equal(await startA.getAttribute('title'), 'La carrera ya terminó.', "a team's start after the race is off, saying why");
  assert.equal(await finish.isDisabled(), true);
  await step('race-finished', desk.getByRole('button', { name: 'Siguiente →' }));
  await axeInBothLanguages('race');

  // The card sort: deal, one group locks from a phone, reveal (which asks first).
  await next();
  await now('Espectro del fracaso');
  const reveal = desk.getByRole('button', { name: 'Revelar el orden correcto' });
  assert.equal(await reveal.getAttribute('title'), 'La ronda aún no ha empezado.');
  await step('cards-ready', desk.getByRole('button', { name: 'Repartir y empezar la ronda' }));
  await desk.getByRole('button', { name: 'Repartir y empezar la ronda' }).click();
  await desk.getByText('0 de 4 grupos bloquearon su respuesta').waitFor();
  await phones.get('Ana').getByRole('button', { name: 'Bloquear nuestra respuesta' }).click();
  await desk.getByText('1 de 4 grupos bloquearon su respuesta').waitFor();
  await step('cards-sorting', reveal);
  await reveal.click();
  await desk.getByRole('group', { name: /^¿Revelar el orden correcto\?/ }).getByRole('button', { name: 'Sí, revelar' }).click();
  await phones.get('Beto').getByRole('heading', { name: 'Orden correcto' }).waitFor();
  await desk.getByText('4 de 4 grupos bloquearon su respuesta').waitFor();
  assert.equal(await reveal.getAttribute('title'), 'El orden correcto ya se reveló.');
  await step('cards-revealed', desk.getByRole('button', { name: 'Siguiente →' }));

  // Speed dating: one round, from the new date to its end.
  await next();
  await now('Citas rápidas');
  const newDate = desk.getByRole('button', { name: 'Nueva cita: formar parejas' });
  await step('dating-ready', newDate);
  await newDate.click();
  await desk.getByRole('heading', { name: /Cita 1/ }).waitFor();
  await desk.getByRole('button', { name: 'Campana: empezar a compartir' }).click();
  await desk.getByRole('button', { name: 'Campana: siguiente persona' }).click();
  await desk.getByRole('button', { name: 'Campana: fin de la cita' }).click();
  await step('dating-round-done', newDate);
  await axeInBothLanguages('dating');

  // The projector's scene: picked, shown as picked, and back to following the agenda.
  const scene = desk.getByRole('group', { name: 'El proyector muestra' });
  await scene.getByRole('button', { name: 'Cómo unirse' }).click();
  await scene.getByRole('button', { name: 'Cómo unirse', pressed: true }).waitFor();
  await scene.getByRole('button', { name: 'Lo de la agenda' }).click();
  await scene.getByRole('button', { name: 'Lo de la agenda', pressed: true }).waitFor();

  const typed = await desk.evaluate(() => window.__typedInto);
  assert.deepEqual(typed, [], 'nothing was typed into the console');
  const shown = await desk.evaluate(() => [...window.__shownTexts]);
  const english = serverMessages();
  assert.ok(english.length > 30, `the server's messages were found (${english.length})`);
  const leaked = shown.filter((text) => english.some((message) => text.includes(message)));
  assert.deepEqual(leaked, [], 'no English detail from the server on the console');
  console.log(`[ console-day2 ] steps: ${checked.steps.join('; ')}`);
  console.log(`[ console-day2 ] ${checked.disabledWithReason.size} disabled buttons seen, each with its reason: ${[...checked.disabledWithReason].join(' | ')}`);
  console.log(`[ console-day2 ] ${shown.length} texts shown on the console, none of the server's ${english.length} English messages`);
});

test("a refusal shows the page's words for its code, never the server's detail", async () => {
  // A participant renamed to a role's name is refused (INVALID_NAME); the console says so in
  // Spanish, and the server's English detail does not appear.
  await desk.getByRole('tab', { name: /^Participantes/ }).click();
  desk.once('dialog', (dialog) => dialog.accept('Facilitador'));
  await desk.getByRole('button', { name: 'Renombrar a Hugo' }).click();
  const alert = desk.getByRole('alert').filter({ hasText: 'Ese nombre no sirve' });
  await alert.waitFor();
  const text = await alert.innerText();
  assert.match(text, /^Ese nombre no sirve: usa de 1 a 40 caracteres/);
  assert.doesNotMatch(text, /\b(the|name|is|not|must|already)\b/i, `only Spanish: ${text}`);
  await desk.getByLabel('Idioma').selectOption('en');
  await desk.getByRole('alert').filter({ hasText: /^That name/ }).waitFor();
  await desk.getByLabel('Language').selectOption('es');
});
