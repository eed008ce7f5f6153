// The team race and the card sort, played in Spanish from the console, four phones and the
// projector: a strategy countdown, a void run with its penalty, two valid runs and a winner;
// then two groups of two phones sorting one deck each, moving at the same time, locking, and
// the reveal with scores computed here again, independently.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { axeViolations, ensureOutputDir, launchBrowser, newDevice, Server, sourceDir } from './harness.mjs';

let server;
let browser;
let desk;
let screen;
const phones = new Map();  // name -> page
const shots = ensureOutputDir('e2e');

// Retries `check` until it holds: the DOM updates when the next delta arrives.
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

async function groupOf(page) {
  const heading = await page.locator('.me-toggle .me-group').innerText();
  return Number(heading.split(' ')[1]);
}

before(async () => {
  server = await new Server({ template: join(sourceDir, 'tests', 'e2e', 'race-and-cards.es.json') }).start();
  browser = await launchBrowser();
  for (const name of ['Ana', 'Beto', 'Carla', 'Diego']) {
    const page = await (await newDevice(browser, server, { bypassCSP: true })).newPage();
    await page.goto(server.phone());
    await page.getByLabel('Tu nombre').fill(name);
    await page.getByRole('button', { name: 'Unirme' }).click();
    await page.locator('.me-toggle').getByText(name, { exact: true }).waitFor();
    phones.set(name, page);
  }
  desk = await (await newDevice(browser, server, { viewport: { width: 1400, height: 1100 }, bypassCSP: true })).newPage();
  await desk.goto(server.console());
  screen = await (await newDevice(browser, server, { viewport: { width: 1280, height: 800 }, bypassCSP: true })).newPage();
  await screen.goto(server.screen());
  // Two groups of two, teams A and B.
  await desk.getByRole('tab', { name: 'Grupos' }).click();
  await desk.getByLabel('Cuántos grupos').fill('2');
  await desk.getByRole('button', { name: 'Formar grupos' }).click();
  await desk.getByRole('checkbox', { name: 'Grupo 1 en el equipo A' }).check();
  await desk.getByRole('checkbox', { name: 'Grupo 2 en el equipo B' }).check();
  await desk.getByRole('button', { name: 'Definir equipos' }).click();
  for (const page of phones.values()) await page.getByText(/^Equipo [AB]$/).waitFor();
});

after(async () => {
  await browser?.close();
  await server?.dispose();
});

test('a full race: strategy, a void with its penalty, two valid runs, the winner', async () => {
  await desk.getByRole('button', { name: 'Ir a: Reto de la pelota de tenis' }).click();
  for (const page of phones.values()) await page.getByText('Solo una persona toca la pelota a la vez').waitFor();

  // The captain of team A is a member of group 1.
  let captain;
  for (const [name, page] of phones) if ((await groupOf(page)) === 1 && !captain) captain = { name, page };
  await desk.getByLabel('Capitán del equipo A').selectOption({ label: captain.name });
  await captain.page.getByText('Eres capitán').waitFor();

  await desk.getByRole('button', { name: 'Iniciar estrategia' }).click();
  await screen.getByRole('timer', { name: /^Estrategia: / }).waitFor();
  await captain.page.getByRole('timer', { name: /^Estrategia: / }).waitFor();
  await desk.getByRole('button', { name: 'Abrir ventana de ejecución' }).click();
  await captain.page.getByRole('timer', { name: /^Ventana de ejecución: / }).waitFor();

  // Team A runs and drops the ball: the run is void and team A waits out its penalty.
  await captain.page.getByRole('button', { name: 'Iniciar' }).click();
  await captain.page.getByRole('button', { name: '¡Se cayó la pelota!' }).click();
  await captain.page.getByRole('timer', { name: /^Penalización: / }).waitFor();
  await screen.getByRole('timer', { name: /^Penalización: / }).waitFor();
  await captain.page.getByRole('button', { name: 'Iniciar' }).click();
  await captain.page.getByRole('alert').getByText('Eso no se puede hacer ahora.').waitFor();

  // Team B's valid run, from the console.
  // (The stopwatch on the projector says when a second has gone by: no sleeping here.)
  await desk.getByRole('button', { name: 'Iniciar cronómetro del equipo B' }).click();
  const teamB = screen.locator('.team-race', { hasText: 'Equipo B' });
  await teamB.locator('.stopwatch.running').getByText(/^0:0[1-9]\.\d$/).waitFor();
  await screen.screenshot({ path: join(shots, 'race-running.png') });
  for (const page of [screen, desk, captain.page]) assert.deepEqual(await axeViolations(page), [], page.url());
  await desk.getByRole('button', { name: 'Detener cronómetro del equipo B' }).click();

  // When the penalty is over, team A's captain runs again, validly.
  await captain.page.getByRole('timer', { name: /^Penalización: / }).waitFor({ state: 'detached', timeout: 10000 });
  await captain.page.getByRole('button', { name: 'Iniciar' }).click();
  // (A run is at least a second: the server refuses a stop before that.)
  await captain.page.locator('.stopwatch.running').getByText(/^0:0[1-9]\.\d$/).waitFor();
  await captain.page.getByRole('button', { name: 'Detener' }).click();
  await captain.page.getByText(/^Mejor tiempo: \d+:\d\d\.\d$/).waitFor();

  const best = async (team) =>
    (await screen.locator('.team-race', { hasText: `Equipo ${team}` }).locator('.best strong').innerText());
  await eventually(async () => !(await best('A')).includes('Sin') && !(await best('B')).includes('Sin'), 'both best times');
  const [a, b] = [await best('A'), await best('B')];
  const ms = (t) => { const [m, s] = t.split(':'); return Number(m) * 60000 + Number(s) * 1000; };
  const expected = ms(a) <= ms(b) ? `Gana el equipo A con ${a}` : `Gana el equipo B con ${b}`;

  await desk.getByRole('button', { name: 'Terminar la carrera' }).click();
  await desk.getByRole('button', { name: 'Sí, terminar la carrera' }).click();
  await screen.getByText(expected).waitFor();
  for (const page of phones.values()) await page.getByText(expected).waitFor();
  await screen.screenshot({ path: join(shots, 'race-result.png') });
  console.log(`[ race ] team A best ${a}, team B best ${b}: "${expected}"`);
});

// Kendall tau, again, on the test's side: the projector's score must agree.
function score(order, reference) {
  let discordant = 0;
  const pos = new Map(reference.map((t, i) => [t, i]));
  for (let i = 0; i < order.length; i++) for (let j = i + 1; j < order.length; j++) discordant += pos.get(order[i]) > pos.get(order[j]) ? 1 : 0;
  const pairs = (order.length * (order.length - 1)) / 2;
  return { score: Math.round((100 * (pairs - discordant)) / pairs), exact: order.filter((t, i) => reference[i] === t).length };
}

test('a full card sort: two groups of two phones, concurrent moves converge, lock, reveal, scores', async () => {
  await desk.getByRole('button', { name: 'Ir a: Espectro del fracaso' }).click();
  for (const page of phones.values()) await page.getByText('La ronda aún no ha empezado.').waitFor();
  await desk.getByRole('button', { name: 'Repartir y empezar la ronda' }).click();

  const byGroup = new Map();
  for (const page of phones.values()) {
    const g = await groupOf(page);
    byGroup.set(g, [...(byGroup.get(g) ?? []), page]);
  }
  assert.deepEqual([...byGroup.keys()].sort(), [1, 2]);
  const order = (page) => page.locator('ol.sortable li strong').allInnerTexts();
  for (const page of phones.values()) await page.locator('ol.sortable li').first().waitFor();

  for (const [g, [first, second]] of byGroup) {
    const dealt = await order(first);
    assert.equal(dealt.length, 5);
    // Both members move at the same moment: one card up from the bottom, another down from
    // the top. The server applies them one after the other; both phones end the same.
    await Promise.all([
      first.getByRole('button', { name: `Subir ${dealt[4]}` }).click(),
      second.getByRole('button', { name: `Bajar ${dealt[0]}` }).click(),
    ]);
    const moved = await eventually(async () => {
      const [x, y] = [await order(first), await order(second)];
      return x.join() === y.join() && x.join() !== dealt.join() && x[0] !== dealt[0] ? x : false;
    }, `group ${g}'s phones agree on the order`);
    assert.notEqual(moved.indexOf(dealt[4]), 4, 'the bottom card moved up');
    // A drag on the second phone: the top card to the bottom, by its handle.
    const handle = second.getByRole('img', { name: `Arrastrar ${moved[0]}` });
    const target = second.locator('ol.sortable li').last();
    const from = await handle.boundingBox();
    const to = await target.boundingBox();
    await second.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await second.mouse.down();
    await second.mouse.move(to.x + 20, to.y + to.height - 2, { steps: 8 });
    await second.mouse.up();
    await eventually(async () => (await order(first)).at(-1) === moved[0], `group ${g}'s drag reaches the other phone`);
    await first.getByRole('button', { name: 'Bloquear nuestra respuesta' }).click();
    await second.getByText('Respuesta bloqueada').waitFor();
    await screen.getByText(`Grupo ${g}: ✓ Respuesta bloqueada`).waitFor();
  }

  for (const page of [screen, desk, byGroup.get(1)[0]]) assert.deepEqual(await axeViolations(page), [], page.url());
  const finals = new Map();
  for (const [g, [first]] of byGroup) finals.set(g, await order(first));
  await desk.getByRole('button', { name: 'Revelar el orden correcto' }).click();
  await desk.getByRole('button', { name: 'Sí, revelar' }).click();
  await screen.getByRole('heading', { name: 'Orden correcto' }).waitFor();
  const reference = await screen.locator('.reference-order li').allInnerTexts();
  assert.deepEqual(reference, ['Desviación', 'Falta de atención', 'Desafío de tarea', 'Complejidad del proceso', 'Evaluación de la hipótesis']);
  for (const [g, final] of finals) {
    const { score: s, exact } = score(final, reference);
    await screen.locator('.scored-order', { hasText: `Grupo ${g}` }).getByText(`Puntuación ${s}/100 · ${exact} de 5 en su lugar`).waitFor();
    console.log(`[ cards ] group ${g}: ${final.join(' > ')}: score ${s}, ${exact} in place`);
  }
  for (const page of phones.values()) await page.getByRole('heading', { name: 'Orden correcto' }).waitFor();
  await screen.screenshot({ path: join(shots, 'cards-revealed.png'), fullPage: true });
});
