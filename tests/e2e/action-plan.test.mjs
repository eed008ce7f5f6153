// An action plan in Spanish, the demo's item 10 ("Plan de acción"): the console makes two groups
// from the groups tab; Ana and Beto (in the room) and Carla (online) choose group 1, Diego group
// 2; the console goes to the item. The three of group 1 edit the same plan at once from their
// phones: changes to different fields are all kept; Beto sees "Ana está escribiendo…" under the
// field she is in; Ana and Beto write the same field from the same version, Ana saves first, the
// document that carries her text does not touch what Beto is typing, and Beto's save gets the
// conflict view with both texts; he replaces hers with his, which every device then shows. A
// step is added, moved up and removed (after its question). The console shows group 1's plan on
// the projector, which fits 1280x720 and 1920x1080 without scrolling, then the summary of both
// groups, and writes in group 2's plan, which Diego's phone shows; the report has both plans. At
// each step the phone's first step (or the button that adds it) is in the first screenful of a
// 360x640 phone, axe-core finds nothing on the phones, the projector, the console and the
// report, and screenshots go to test-output/action-plan/.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { axeViolations, ensureOutputDir, foreignRequests, launchBrowser, newDevice, Server, formChosenGroups } from './harness.mjs';

const shots = ensureOutputDir('action-plan');
const itemTitle = 'Plan de acción';
const prompt = '¿Qué cambio quiere ver en su equipo / departamento / organización, y cómo contribuye a los ODS 8, 9, 10 y 16?';
// Group 1: Ana and Beto in the room, Carla online; group 2: Diego.
const people = { Ana: { group: 1 }, Beto: { group: 1 }, Carla: { group: 1, remote: true }, Diego: { group: 2 } };
const objective = 'Atender cada trámite en línea en menos de una semana (ODS 16)';
const steps = 'Mapear los trámites que aún se hacen en papel';
const responsible = 'Carla y el equipo de sistemas';
const anaEvidence = 'Encuesta de satisfacción con 80 % de aprobación';
const betoEvidence = 'La mitad de los trámites se hacen en línea';

let server;
let browser;
let desk; // the console
let screen; // the projector
const contexts = [];
const phones = new Map(); // name -> page

const plan = (page) => page.locator('section.plan-phone');
const rows = (page) => plan(page).locator('li.plan-row');
const row = (page, i) => rows(page).nth(i);
const planPanel = () => desk.getByRole('region', { name: 'Planes de acción' });
const groupPanel = (n) => planPanel().getByRole('region', { name: `Grupo ${n}`, exact: true });

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

// A field's value on a page, once it is `expected`.
async function valueBecomes(locator, expected, what) {
  await eventually(async () => (await locator.inputValue()) === expected, `${what} = "${expected}"`);
}

// Types in a field as a person does: a tap (focus), the text, then leaving the field (blur).
async function write(field, text) {
  await field.click();
  await field.fill(text);
  await field.blur();
}

// The phone's first screenful: the title, and the plan's primary control (the first step's first
// field, or the button that adds a step) without scrolling; axe finds nothing; a screenshot.
async function measure(name, step) {
  const page = phones.get(name);
  await page.evaluate(() => window.scrollTo(0, 0));
  const seen = await page.evaluate(() => {
    const box = (el) => el.getBoundingClientRect().toJSON();
    return {
      height: window.innerHeight,
      title: box(document.querySelector('[data-title]')),
      primary: [...document.querySelectorAll('.plan-phone [data-primary]')].map((el) => ({
        what: el.outerHTML.slice(0, 80),
        box: box(el),
      })),
    };
  });
  await page.screenshot({ path: join(shots, `${step}-phone-${name}.png`) });
  const where = `${step}, ${name}'s phone`;
  assert.ok(seen.title.bottom <= seen.height, `${where}: the title is in view`);
  assert.ok(seen.primary.length > 0, `${where}: a primary control`);
  for (const p of seen.primary) {
    assert.ok(p.box.top >= 0 && p.box.bottom <= seen.height + 0.5, `${where}: ${p.what} at ${JSON.stringify(p.box)}`);
  }
  assert.deepEqual(await axeViolations(page), [], `${where}: axe`);
}

// The projector never scrolls, whatever its size; axe finds nothing.
async function assertProjectorFits(step) {
  for (const size of [
    { width: 1280, height: 720 },
    { width: 1920, height: 1080 },
  ]) {
    await screen.setViewportSize(size);
    await screen.waitForTimeout(300); // FitFrame measures again after a resize
    const overflow = await screen.evaluate(() => {
      const content = document.querySelector('.fit-content');
      return {
        x: document.documentElement.scrollWidth - window.innerWidth,
        y: document.documentElement.scrollHeight - window.innerHeight,
        frame: content ? content.scrollHeight - content.clientHeight : 0,
      };
    });
    assert.ok(
      overflow.x <= 0 && overflow.y <= 0 && overflow.frame <= 1,
      `${step} at ${size.width}x${size.height}: the projector overflows by ${JSON.stringify(overflow)}`,
    );
    await screen.screenshot({ path: join(shots, `${step}-projector-${size.width}.png`) });
  }
  await screen.setViewportSize({ width: 1280, height: 720 });
  assert.deepEqual(await axeViolations(screen), [], `${step}: projector axe`);
}

before(async () => {
  server = await new Server().start();
  browser = await launchBrowser();
  for (const [name, { remote }] of Object.entries(people)) {
    const context = await newDevice(browser, server, { viewport: { width: 360, height: 640 }, bypassCSP: true });
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(server.phone());
    await page.getByLabel('Tu nombre').fill(name);
    if (remote) await page.getByLabel('En línea').check();
    await page.getByRole('button', { name: 'Unirme' }).click();
    await page.locator('.me-toggle').getByText(name, { exact: true }).waitFor();
    phones.set(name, page);
  }
  const deskContext = await newDevice(browser, server, { viewport: { width: 1400, height: 1000 }, bypassCSP: true });
  contexts.push(deskContext);
  desk = await deskContext.newPage();
  await desk.goto(server.console());
  const screenContext = await newDevice(browser, server, { viewport: { width: 1280, height: 720 }, bypassCSP: true });
  contexts.push(screenContext);
  screen = await screenContext.newPage();
  await screen.goto(server.screen());
  await screen.getByText(server.code, { exact: true }).waitFor();

  // Two groups, chosen on the phones, from the console's groups tab.
  await formChosenGroups(desk, phones, people, 2);

  await desk.getByRole('button', { name: `Ir a: ${itemTitle}` }).click();
  for (const [name, { group }] of Object.entries(people)) {
    await plan(phones.get(name)).getByRole('heading', { name: `Plan del grupo ${group}` }).waitFor();
  }
  await planPanel().waitFor();
});

after(async () => {
  await browser?.close();
  await server?.dispose();
});

test('each phone shows its group’s plan with the item’s question, the action in the first screenful', async () => {
  const ana = phones.get('Ana');
  await plan(ana).getByText(prompt).waitFor();
  await plan(ana).getByText('Aún no hay pasos: añade el primero.').waitFor();
  await measure('Ana', 'empty');
  await measure('Carla', 'empty');
  // The projector: the summary of both groups, before anything is written.
  await screen.locator('[data-plan-scene="summary"] li.plan-card').nth(1).waitFor();
  await assertProjectorFits('summary-empty');
});

test('three members edit the same plan at once: changes to different fields are all kept', async () => {
  const [ana, beto, carla] = ['Ana', 'Beto', 'Carla'].map((n) => phones.get(n));
  await plan(ana).getByRole('button', { name: 'Añadir un paso' }).click();
  for (const page of [ana, beto, carla]) await row(page, 0).getByRole('heading', { name: 'Paso 1' }).waitFor();
  // The new step's first field has the focus on the phone that added it.
  await eventually(
    () => row(ana, 0).getByLabel('Pasos a seguir').evaluate((el) => el === document.activeElement),
    'the new step is focused',
  );
  await measure('Beto', 'one-step');

  // At the same moment: Ana the objective, Beto the steps, Carla (online) the people responsible.
  await Promise.all([
    write(plan(ana).getByLabel('Objetivo'), objective),
    write(row(beto, 0).getByLabel('Pasos a seguir'), steps),
    write(row(carla, 0).getByLabel('Responsables'), responsible),
  ]);
  for (const [name, page] of [
    ['Ana', ana],
    ['Beto', beto],
    ['Carla', carla],
  ]) {
    await valueBecomes(plan(page).getByLabel('Objetivo'), objective, `${name}'s objective`);
    await valueBecomes(row(page, 0).getByLabel('Pasos a seguir'), steps, `${name}'s steps`);
    await valueBecomes(row(page, 0).getByLabel('Responsables'), responsible, `${name}'s responsible`);
  }
  // Who wrote what, small, on the others' phones.
  await row(ana, 0).getByText('Escrito por Carla').waitFor();
  await plan(beto).getByText('Escrito por Ana').waitFor();
  // The console sees the plan as it is.
  await groupPanel(1).getByText(objective).waitFor();
  await groupPanel(1).getByRole('cell', { name: steps }).waitFor();
  // Nothing of group 1's plan reached group 2.
  assert.equal(await plan(phones.get('Diego')).getByText(objective).count(), 0);
  await measure('Carla', 'three-fields');
});

test('who is typing: Beto sees that Ana is in a field, and not any more when she leaves it', async () => {
  const [ana, beto] = [phones.get('Ana'), phones.get('Beto')];
  const field = row(ana, 0).getByLabel('Indicadores de avance');
  await field.click();
  await field.pressSequentially('Trámites');
  const typing = row(beto, 0).locator('.plan-field').filter({ hasText: 'Indicadores de avance' }).locator('.plan-typing');
  await typing.getByText('Ana está escribiendo…').waitFor();
  await beto.screenshot({ path: join(shots, 'typing-phone-Beto.png') });
  assert.equal(await row(ana, 0).getByText('Ana está escribiendo…').count(), 0, 'Ana is not told about herself');
  await desk.getByText('1 persona escribiendo').waitFor();
  await field.fill('Trámites en línea por mes');
  await field.blur();
  await typing.waitFor({ state: 'detached' });
  await valueBecomes(row(beto, 0).getByLabel('Indicadores de avance'), 'Trámites en línea por mes', "Beto's indicators");
});

test('the same field from the same version: the second writer sees both texts, and keeps his', async () => {
  const [ana, beto, carla] = ['Ana', 'Beto', 'Carla'].map((n) => phones.get(n));
  const betoField = row(beto, 0).getByLabel('Evidencia de éxito');
  const anaField = row(ana, 0).getByLabel('Evidencia de éxito');
  // Both start from the empty field; Beto is still typing when Ana saves.
  await betoField.click();
  await betoField.fill(betoEvidence);
  await write(anaField, anaEvidence);
  await valueBecomes(row(carla, 0).getByLabel('Evidencia de éxito'), anaEvidence, "Carla's evidence");
  // Ana's text reached Beto's phone (it names her), and did not replace what he is typing.
  const betoNotes = row(beto, 0).locator('.plan-field').filter({ hasText: 'Evidencia de éxito' });
  await betoNotes.getByText('Escrito por Ana').waitFor();
  assert.equal(await betoField.inputValue(), betoEvidence, 'what Beto types is not overwritten');

  await betoField.blur();
  const conflict = betoNotes.locator('.plan-conflict');
  await conflict.getByText('Otra persona cambió este campo mientras escribía:').waitFor();
  await conflict.getByText(anaEvidence).waitFor();
  await conflict.getByText(betoEvidence).waitFor();
  assert.equal(await betoField.inputValue(), betoEvidence, 'his text is still in the box');
  await beto.screenshot({ path: join(shots, 'conflict-phone-Beto.png') });
  assert.deepEqual(await axeViolations(beto), [], "the conflict on Beto's phone: axe");

  await conflict.getByRole('button', { name: 'Reemplazar con el mío' }).click();
  await conflict.waitFor({ state: 'detached' });
  for (const [name, page] of [
    ['Ana', ana],
    ['Beto', beto],
    ['Carla', carla],
  ]) {
    await valueBecomes(row(page, 0).getByLabel('Evidencia de éxito'), betoEvidence, `${name}'s evidence`);
  }
  await groupPanel(1).getByRole('cell', { name: betoEvidence }).waitFor();
  await row(ana, 0).getByText('Escrito por Beto').first().waitFor();
});

test('a step is added, moved up and removed after its question', async () => {
  const [ana, beto, carla] = ['Ana', 'Beto', 'Carla'].map((n) => phones.get(n));
  await plan(carla).getByRole('button', { name: 'Añadir un paso' }).click();
  await row(carla, 1).getByRole('heading', { name: 'Paso 2' }).waitFor();
  await write(row(carla, 1).getByLabel('Pasos a seguir'), 'Capacitar al personal de ventanilla');
  await write(row(carla, 1).getByLabel('Fecha de finalización'), '2027-03-15');
  await plan(ana).getByRole('button', { name: 'Añadir un paso' }).click();
  for (const page of [ana, beto, carla]) await row(page, 2).getByRole('heading', { name: 'Paso 3' }).waitFor();
  await valueBecomes(row(beto, 1).getByLabel('Fecha de finalización'), '2027-03-15', "Beto's date");

  // Step 2 goes first, on every phone.
  await plan(ana).getByRole('button', { name: 'Subir el paso 2' }).click();
  for (const page of [ana, beto, carla]) {
    await valueBecomes(row(page, 0).getByLabel('Pasos a seguir'), 'Capacitar al personal de ventanilla', 'moved');
    await valueBecomes(row(page, 1).getByLabel('Pasos a seguir'), steps, 'moved down');
  }
  // Step 3 (empty) goes, after its question.
  await plan(beto).getByRole('button', { name: 'Quitar el paso 3' }).click();
  await plan(beto).getByRole('button', { name: 'Sí, quitar' }).click();
  for (const page of [ana, beto, carla]) await eventually(async () => (await rows(page).count()) === 2, 'two steps');
  await groupPanel(1).getByText('2 pasos').waitFor();
  await measure('Ana', 'two-steps');
});

test('the console shows a group’s plan on the projector, then the summary, and writes in a plan', async () => {
  const show = groupPanel(1).getByRole('button', { name: 'Mostrar en el proyector' });
  await show.click();
  await groupPanel(1).getByRole('button', { name: 'Mostrar en el proyector', pressed: true }).waitFor();
  await planPanel().getByRole('button', { name: 'Mostrar el resumen', pressed: false }).waitFor();
  const one = screen.locator('[data-plan-scene="one"][data-plan-group="1"]');
  await one.getByText(objective).waitFor();
  await one.getByRole('cell', { name: betoEvidence }).waitFor();
  await one.getByRole('cell', { name: '15 mar 2027' }).waitFor();
  await assertProjectorFits('group-1');
  await desk.screenshot({ path: join(shots, 'shown-console.png') });
  assert.deepEqual(await axeViolations(desk), [], 'console: axe');

  await planPanel().getByRole('button', { name: 'Mostrar el resumen' }).click();
  await planPanel().getByRole('button', { name: 'Mostrar el resumen', pressed: true }).waitFor();
  const summary = screen.locator('[data-plan-scene="summary"]');
  await summary.locator('li.plan-card[data-plan-group="1"]').getByText('2 pasos').waitFor();
  await summary.locator('li.plan-card[data-plan-group="1"]').getByText(/Termina el 15 mar 2027/).waitFor();

  // A facilitator writes group 2's objective from the console; Diego's phone shows it.
  await groupPanel(2).getByText('Editar el plan').click();
  await write(groupPanel(2).getByLabel('Objetivo'), 'Reducir a la mitad las quejas por demoras');
  await valueBecomes(
    plan(phones.get('Diego')).getByLabel('Objetivo'),
    'Reducir a la mitad las quejas por demoras',
    "Diego's objective",
  );
  await plan(phones.get('Diego')).getByText('Escrito por la facilitación').waitFor();
  await summary.getByText('Reducir a la mitad las quejas por demoras').waitFor();
  await assertProjectorFits('summary');
  await desk.screenshot({ path: join(shots, 'summary-console.png') });
  assert.deepEqual(await axeViolations(desk), [], 'console with an editor open: axe');
  await measure('Diego', 'facilitator-wrote');
});

test('the report has every group’s plan as a table', async () => {
  const href = await desk.getByRole('link', { name: 'Informe del taller' }).getAttribute('href');
  const report = await desk.context().newPage();
  await report.goto(href);
  await report.locator('[data-report-ready]').waitFor();
  const section = report.locator('section.report-plans');
  await section.getByRole('heading', { level: 3, name: itemTitle }).waitFor();
  await section.getByRole('heading', { level: 4, name: 'Plan del grupo 1' }).waitFor();
  await section.getByText(objective).waitFor();
  const table = section.getByRole('table', { name: 'Pasos del plan del grupo 1' });
  assert.deepEqual(
    (await table.locator('tbody tr').allInnerTexts()).map((t) => t.split('\t')[1]),
    ['Capacitar al personal de ventanilla', steps],
    'the steps in their order',
  );
  await table.getByRole('cell', { name: betoEvidence }).waitFor();
  await section.getByRole('heading', { level: 4, name: 'Plan del grupo 2' }).waitFor();
  await report.screenshot({ path: join(shots, 'report.png'), fullPage: true });
  assert.deepEqual(await axeViolations(report), [], 'report: axe');
  await report.close();
});

test('nothing was fetched from outside the server', () => {
  for (const context of contexts) assert.deepEqual(foreignRequests(context, server), []);
});
