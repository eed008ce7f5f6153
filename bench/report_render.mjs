// The report of a whole workshop (issue 15: "the report of a workshop with 48 people and every
// activity is generated in under 1 s"; docs/performance.md, "The report"). campana with the demo
// workshop; 48 people join through the pages' own protocol (tests/e2e/crowd.mjs, from one page;
// every sixth one remote) and stay connected; the facilitator (the crowd's desk) goes through
// every item of the agenda in order, and at each the crowd does what the activity asks, with the
// real commands, so that the export carries real data for each:
//
//   - groups: SetupGroups at random with the item's count (4 groups of 12), DefineTeams as the
//     item proposes (A: groups 1 and 3, B: 2 and 4);
//   - the race: a captain named per team, the strategy started and the execution window opened;
//     the facilitator runs both stopwatches (two counted runs, about 1.2 and 1.6 s, and one void
//     run, which puts team A in its penalty), then finishes the race;
//   - the card sort: dealt; each group's members send the same MoveCard steps to their group's
//     order (a repeated move is no change: every member taps, one move applies), the orders
//     score 100, two swaps off, a middle run reversed and all reversed; each group locks its
//     order (its other members' LockCards are refused as already locked), then the reveal;
//   - speed dating: two rounds (20 pairs in the room, 4 remote), each through its bells (first
//     speakers drawn by StartSharing, SwapSpeakers, EndDate); everyone saves a note of each date
//     and every other person shares theirs;
//   - the open question: 48 answers with accents and quotes;
//   - each board: 3 notes per person (144), revealed; in the group phase the facilitator makes
//     two named clusters per board (its group's or the room's) and, where the board has links,
//     links notes to notes and to other goal columns; 3 dots per person; then the results;
//   - the action plan: in each group one member writes the objective and three add a row; then
//     the members fill the 3 rows' six fields (one field each, at version 0; those left over
//     send MarkPlanEditing "stopped", which records nothing);
//   - the survey: everyone answers every question (by its type: scale, Likert, 0-10 with why).
// Presentation items (the welcome, the close) are visited.
//
// Then, five times (one with --quick), after one unmeasured page: (a) GET
// /api/workshops/CODE/export from node (Bearer, the facilitator's key), its time to the last
// byte and its size; (b) the report page (/report/CODE#key=...) in a fresh browser context
// (nothing cached) at 1280x900, timed in the page from the start of its navigation: the
// export's arrival (its resource timing), the report drawn (`data-report-ready`) and the end of
// the next frame (painted). Nothing is asserted; the last line says whether it is under 1 s.
//
//   CAMPANA_BIN=build/release/server/campana CAMPANA_WEB_DIR=clients/web CAMPANA_SOURCE_DIR=. \
//     node bench/report_render.mjs [--quick] [--people 48] [--out report_render.json] [--screenshot png]
//
// deploy/dev.sh bench runs it after board_render.mjs and puts its JSON into the results.
import { writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
process.env.CAMPANA_SOURCE_DIR ??= root;
process.env.CAMPANA_WEB_DIR ??= join(root, 'clients', 'web');
process.env.CAMPANA_BIN ??= join(root, 'build', 'release', 'server', 'campana');
// The harness reads those when imported.
const { launchBrowser, newDevice, Server } = await import('../tests/e2e/harness.mjs');
const { crowdScript, within } = await import('../tests/e2e/crowd.mjs');

const { values: args } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    people: { type: 'string', default: '48' },
    out: { type: 'string' },
    screenshot: { type: 'string' },
  },
});
const people = Number(args.people);
const runs = args.quick ? 1 : 5;
const viewport = { width: 1280, height: 900 };
// DocKind numbers (docs.proto).
const DOC_PARTICIPANT = 2;
const DOC_GROUPS = 3;
const DOC_AGENDA = 6;
const DOC_RACE = 9;
const DOC_CARD_DECK = 10;
const DOC_CARD_GROUP = 11;
const DOC_CARD_RESULTS = 12;
const DOC_DATING = 13;
const DOC_BOARD = 20;
const DOC_BOARD_NOTE = 21;
const DOC_POLL = 25;
const DOC_ACTION_PLAN = 31;
// BoardPhase.
const PHASE_REVEAL = 2;
const PHASE_GROUP = 3;
const PHASE_VOTE = 4;
const PHASE_RESULTS = 5;

const remote = (i) => i % 6 === 5;
const crowd = Array.from({ length: people }, (_, i) => ({
  name: `Persona ${i + 1}`,
  presence: remote(i) ? 2 : 1, // 1: in the room, 2: remote
  commands: [],
}));

const answerTexts = [
  'Aprendí que "fallar rápido" también es válido en la administración pública',
  'Escuchar sin interrumpir me costó más de lo que creía; la "empatía" se practica',
  'Colaborar con otra institución exige acordar qué significa "éxito" antes de empezar',
  'Me llevo la pregunta: ¿qué haría un colaborador soñado en mi lugar?',
];
const noteTexts = [
  'Reuniones más cortas',
  'Escuchar a los equipos de campo antes de decidir',
  'Menos trámites en papel para los permisos municipales',
  'Compartir los datos de cada programa con las demás instituciones, "abiertos" y a tiempo',
  'Más capacitación en innovación pública',
  'Rendir cuentas a la comunidad cada trimestre, en su idioma, con cifras claras y sin tecnicismos',
];
const planFields = [
  (g, r) => `Paso ${r + 1} del grupo ${g}: mapear el trámite "de punta a punta" con la ciudadanía`,
  (g, r) => `Coordinación de innovación y la jefa de atención (grupo ${g}, fila ${r + 1})`,
  () => 'Dos personas medio tiempo, sala de reuniones, Q 15 000 para el piloto',
  () => 'Tiempo de respuesta medio; satisfacción (encuesta de 1 a 5); quejas por mes',
  (g, r) => `2027-0${1 + ((g + r) % 9)}-${String(10 + r * 5).padStart(2, '0')}`,
  () => 'Informe trimestral publicado; el trámite en línea en menos de 10 días hábiles',
];

// Median, min and max, as bench/stats.h reports them.
function summary(samples) {
  const s = [...samples].sort((a, b) => a - b);
  const n = s.length;
  const median = n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
  return { median, min: s[0], max: s[n - 1], runs: n };
}

const cell = (s, digits = 1) => `${s.median.toFixed(digits)} [${s.min.toFixed(digits)}-${s.max.toFixed(digits)}]`;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// In the report page, from its first script on: when the report is drawn (data-report-ready),
// when the frame after that has been painted, and when the export arrived.
function watchReport() {
  const record = {};
  window.campanaReportRender = record;
  const check = () => {
    if (record.ready !== undefined || !document.querySelector('[data-report-ready]')) return;
    record.ready = performance.now();
    observer.disconnect();
    requestAnimationFrame(() =>
      setTimeout(() => {
        record.painted = performance.now();
        const fetched = performance.getEntriesByType('resource').find((e) => e.name.includes('/export'));
        record.exportStart = fetched?.startTime;
        record.exportEnd = fetched?.responseEnd;
        record.exportBytes = fetched?.decodedBodySize;
        record.exportTransferred = fetched?.transferSize;
        record.elements = document.querySelectorAll('main.report *').length;
        record.sections = document.querySelectorAll('main.report section').length;
        record.headings = [...document.querySelectorAll('main.report h2, main.report h3')].map((h) => h.textContent.trim());
      }, 0),
    );
  };
  const observer = new MutationObserver(check);
  observer.observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-report-ready'] });
}

const server = await new Server().start();
const browser = await launchBrowser();
try {
  const desk = await (await newDevice(browser, server, { bypassCSP: true })).newPage();
  await desk.goto(server.base);
  await desk.addScriptTag({ content: await crowdScript() });
  await desk.evaluate(([code, key]) => window.campanaCrowd.openDesk(code, key), [server.code, server.key]);
  const command = async (body) => {
    const reply = await desk.evaluate((b) => window.campanaCrowd.command(b), body);
    if (!reply.ok) throw new Error(`${body.case}: ${reply.message}`);
    return reply;
  };
  const docs = (kind) => desk.evaluate((k) => window.campanaCrowd.docs(k), kind);
  // Waits (bounded) until the facilitator's documents of a kind pass `test` (a self-contained
  // function of the documents and `arg`, run in the page).
  const until = (what, kind, test, arg, timeout = 30_000) =>
    desk
      .waitForFunction(
        ([k, source, a]) => new Function(`return ${source}`)()(window.campanaCrowd.docs(k), a),
        [kind, test.toString(), arg],
        { timeout },
      )
      .catch((error) => {
        throw new Error(`${what}: ${error.message}`);
      });
  // One command from each person (all connected), made by `make(i, arg)` (self-contained: it
  // runs in the page); each call its own client_seq range. Refusals matching `expected` are
  // part of the script (a group's second LockCards); any other stops the benchmark.
  let round = 0;
  const everyone = async (what, make, arg, expected) => {
    const refused = await within(
      120_000,
      what,
      desk.evaluate(
        ([source, a, r]) => {
          const fn = new Function(`return ${source}`)();
          return window.campanaCrowd.fromKept((i) => fn(i, a), r);
        },
        [make.toString(), arg, round++],
      ),
    );
    const unexpected = refused.filter((m) => !(expected && expected.test(m)));
    if (unexpected.length > 0) throw new Error(`${what}: refused: ${unexpected.slice(0, 3).join('; ')}`);
    return refused.length;
  };

  await until('the agenda', DOC_AGENDA, (d) => d.length > 0);
  const [agendaDoc] = await docs(DOC_AGENDA);
  const agenda = agendaDoc.agenda.items;
  const started = Date.now();
  const did = {}; // what each activity's data is, for the output

  // Everyone joins during the welcome, one at a time, so that the crowd's i-th connection is
  // person i; all stay connected (pairing takes those present).
  let groupOf = []; // person i's group, once groups are made
  const refusedJoin = await within(
    180_000,
    `${people} people joined`,
    desk.evaluate(([code, c]) => window.campanaCrowd.join(code, c, { batch: 1, keepOpen: c.length }), [server.code, crowd]),
  );
  if (refusedJoin.length > 0) throw new Error(`join refused: ${refusedJoin.slice(0, 3).join('; ')}`);
  await until('the roster', DOC_PARTICIPANT, (d, n) => d.length >= n, people);
  const joinedMs = Date.now() - started;
  const participants = async () => {
    const byName = new Map((await docs(DOC_PARTICIPANT)).map((d) => [d.participant.displayName, d.participant]));
    return crowd.map((p) => byName.get(p.name));
  };
  // Each group's members, as crowd indexes (0-based within the group: `rank`).
  const membersOf = () => {
    const members = new Map();
    groupOf.forEach((g, i) => members.set(g, [...(members.get(g) ?? []), i]));
    return members;
  };
  const rankIn = () => {
    const rank = [];
    for (const list of membersOf().values()) list.forEach((i, k) => (rank[i] = k));
    return rank;
  };

  for (const [index, item] of agenda.entries()) {
    const kind = item.activity ?? 'ACTIVITY_UNSPECIFIED';
    const phaseStarted = Date.now();
    if (kind === 'ACTIVITY_GROUPS') {
      // The item's proposal, as the console's one click sends it.
      const count = item.groupCount || 4;
      await command({ case: 'setupGroups', value: { mode: 1, count } }); // MODE_RANDOM
      const teams = (item.teams ?? []).map((t) => ({ name: t.name, groups: t.groups }));
      if (teams.length > 0) await command({ case: 'defineTeams', value: { teams } });
      await command({ case: 'gotoAgendaItem', value: { index } });
      await until('every group', DOC_PARTICIPANT, (d) => d.every((p) => (p.participant.group ?? 0) > 0));
      if (teams.length > 0) await until('the teams', DOC_GROUPS, (d, n) => d[0]?.groups?.teams?.length === n, teams.length);
      groupOf = (await participants()).map((p) => p.group);
      did.groups = `${count} groups (${[...membersOf().values()].map((m) => m.length).join(', ')} people), ${teams.length} teams`;
      continue;
    }
    await command({ case: 'gotoAgendaItem', value: { index } });

    if (kind === 'ACTIVITY_RACE') {
      await until('the race', DOC_RACE, (d, i) => d[0]?.race?.agendaIndex === i, index);
      const race = (await docs(DOC_RACE))[0].race;
      const [{ groups }] = await docs(DOC_GROUPS);
      const roster = await participants();
      const teams = race.teams ?? [];
      for (const team of teams) {
        const groupsOfTeam = groups.teams.find((t) => t.id === team.teamId)?.groups ?? [];
        const captain = roster.find((p) => groupsOfTeam.includes(p.group));
        if (captain) await command({ case: 'nameCaptain', value: { teamId: team.teamId, participantId: captain.id } });
      }
      await command({ case: 'startRaceStrategy', value: {} });
      await command({ case: 'openRaceWindow', value: {} });
      const [a, b] = teams.map((t) => t.teamId);
      let runsDone = 0;
      if (a && b) {
        // Both run; A stops after about 1.2 s, B after 1.6 s (a run is at least a second);
        // A's next run is void (the ball fell): A waits out its penalty.
        await command({ case: 'startRun', value: { teamId: a } });
        await command({ case: 'startRun', value: { teamId: b } });
        await sleep(1200);
        await command({ case: 'stopRun', value: { teamId: a } });
        await sleep(400);
        await command({ case: 'stopRun', value: { teamId: b } });
        await command({ case: 'startRun', value: { teamId: a } });
        await sleep(300);
        await command({ case: 'voidRun', value: { teamId: a } });
        runsDone = 3;
      }
      await command({ case: 'finishRace', value: {} });
      did.race = `${teams.length} teams with captains; ${runsDone} runs (2 counted, 1 void); finished`;
    } else if (kind === 'ACTIVITY_CARD_SORT') {
      await until('the deck', DOC_CARD_DECK, (d, i) => d[0]?.cardDeck?.agendaIndex === i, index);
      await command({ case: 'startCardSort', value: {} });
      await until('the deal', DOC_CARD_DECK, (d) => d[0]?.cardDeck?.started === true);
      await until('the reference', DOC_CARD_RESULTS, (d) => (d[0]?.cardResults?.reference?.length ?? 0) > 0);
      const reference = (await docs(DOC_CARD_RESULTS))[0].cardResults.reference;
      const n = reference.length;
      // Group 1: the reference; 2: two swaps; 3: a middle run reversed; 4 and on: reversed.
      const targetOf = (g) => {
        const t = [...reference];
        if (g === 2) {
          [t[0], t[1]] = [t[1], t[0]];
          [t[n - 2], t[n - 1]] = [t[n - 1], t[n - 2]];
        } else if (g === 3) {
          const from = Math.floor(n / 3);
          const to = Math.min(n, from + Math.ceil(n / 2));
          t.splice(from, to - from, ...t.slice(from, to).reverse());
        } else if (g >= 4) {
          t.reverse();
        }
        return t;
      };
      const targets = groupOf.map((g) => targetOf(g));
      // Step k: every member moves their group's k-th card to place k.
      for (let k = 0; k < n - 1; k++)
        await everyone(`card move ${k + 1}`, (i, a) => ({ case: 'moveCard', value: { cardId: a.t[i][a.k], toIndex: a.k } }), { t: targets, k });
      await everyone('locking', () => ({ case: 'lockCards', value: {} }), null, /locked its order/);
      const groups = membersOf().size;
      await until('every group locked', DOC_CARD_GROUP, (d, g) => d.filter((x) => x.cardGroup.locked).length >= g, groups);
      const orders = await docs(DOC_CARD_GROUP);
      const off = orders.filter((o) => JSON.stringify(o.cardGroup.order) !== JSON.stringify(targetOf(o.cardGroup.group)));
      if (off.length > 0) console.warn(`card sort: ${off.length} group(s) did not reach their intended order`);
      await command({ case: 'revealCards', value: {} });
      did.cards = `${n} cards; ${groups} groups each moved ${n - 1} steps (every member tapping) and locked; revealed`;
    } else if (kind === 'ACTIVITY_SPEED_DATING') {
      await until('the dating', DOC_DATING, (d, i) => d[0]?.dating?.agendaIndex === i, index);
      const rounds = 2;
      for (let r = 1; r <= rounds; r++) {
        await command({ case: 'startDatingRound', value: {} });
        await until(`round ${r}`, DOC_DATING, (d, n) => d[0]?.dating?.round === n, r);
        await command({ case: 'startSharing', value: {} });
        await command({ case: 'swapSpeakers', value: {} });
        // A trio's third speaker, when the round has one.
        const third = await desk.evaluate((b) => window.campanaCrowd.command(b), { case: 'swapSpeakers', value: {} });
        if (!third.ok && !/everyone has shared/.test(third.message)) throw new Error(`swapSpeakers: ${third.message}`);
        await command({ case: 'endDate', value: {} });
        await everyone(
          `notes of round ${r}`,
          (i, a) => ({
            case: 'saveNote',
            value: {
              round: a,
              text: `Ronda ${a}: me llevo "probar en pequeño" y una pregunta difícil sobre la evaluación (${i + 1}). ¿Cómo medirlo?`,
            },
          }),
          r,
        );
        await everyone(`sharing notes of round ${r}`, (i, a) => ({ case: 'shareNotes', value: { round: a, shared: i % 2 === 0 } }), r);
      }
      did.dating = `${rounds} rounds through their bells; ${people} notes a round, half of them shared`;
    } else if (kind === 'ACTIVITY_QUESTION') {
      await everyone(
        'the answers',
        (i, a) => ({ case: 'submitAnswer', value: { agendaIndex: a.index, text: `${a.texts[i % a.texts.length]} (${i + 1})` } }),
        { index, texts: answerTexts },
      );
      await command({ case: 'showAnswers', value: { agendaIndex: index, show: true, withNames: false } });
      did.question = `${people} answers with accents and quotes, shown`;
    } else if (kind === 'ACTIVITY_BOARD') {
      await until(`board ${index}`, DOC_BOARD, (d, i) => d.some((x) => Number(x.id) === i), index);
      const spec = (await docs(DOC_BOARD)).find((d) => Number(d.id) === index).board.spec;
      const columns = spec.columns.length;
      const rows = Math.max(1, spec.rows?.length ?? 0);
      const perPerson = 3;
      for (let k = 0; k < perPerson; k++) {
        await everyone(
          `board ${index}: note ${k + 1}`,
          (i, a) => ({
            case: 'addNote',
            value: {
              board: a.board,
              column: (i + a.k) % a.columns,
              row: (i * 2 + a.k) % a.rows,
              text: `${a.texts[(i + 2 * a.k) % a.texts.length]} (${i + 1}.${a.k + 1})`,
            },
          }),
          { board: index, columns, rows, k, texts: noteTexts },
        );
      }
      const want = people * perPerson;
      await until(`board ${index}: notes`, DOC_BOARD_NOTE, (d, a) => d.filter((x) => x.boardNote.board === a.b).length >= a.n, { b: index, n: want });
      await command({ case: 'setBoardPhase', value: { board: index, phase: PHASE_REVEAL } });
      await command({ case: 'setBoardPhase', value: { board: index, phase: PHASE_GROUP } });
      // Per board (each group's, or the room's): two clusters of three notes, named; links.
      const notes = (await docs(DOC_BOARD_NOTE)).map((d) => d.boardNote).filter((x) => x.board === index);
      const byGroup = new Map();
      for (const note of notes) byGroup.set(note.group ?? 0, [...(byGroup.get(note.group ?? 0) ?? []), note]);
      let clusters = 0;
      let links = 0;
      for (const [group, list] of byGroup) {
        list.sort((x, y) => x.id - y.id);
        for (const [c, [head, ...rest]] of [list.slice(0, 3), list.slice(3, 6)].filter((l) => l.length > 1).entries()) {
          for (const note of rest) await command({ case: 'groupNote', value: { noteId: note.id, intoNoteId: head.id } });
          await until('the cluster', DOC_BOARD_NOTE, (d, id) => (d.find((x) => x.boardNote.id === id)?.boardNote.clusterId ?? 0) > 0, head.id);
          const clusterId = (await docs(DOC_BOARD_NOTE)).find((d) => d.boardNote.id === head.id).boardNote.clusterId;
          await command({ case: 'nameCluster', value: { clusterId, title: `${c ? 'Datos' : 'Tiempo'} "${group || 'sala'}": lo que más pesa` } });
          clusters++;
        }
        if (spec.links && list.length >= 10) {
          await command({ case: 'linkNotes', value: { noteId: list[6].id, toNoteId: list[7].id, linked: true } });
          await command({ case: 'linkNotes', value: { noteId: list[8].id, toNoteId: list[0].id, linked: true } });
          await command({ case: 'linkGoal', value: { noteId: list[9].id, column: (list[9].column ?? 0) === 0 ? 1 : 0, linked: true } });
          links += 3;
        }
      }
      await command({ case: 'setBoardPhase', value: { board: index, phase: PHASE_VOTE } });
      // Each person's dots on notes of their board: three different ones.
      const visible = groupOf.map((g) => (byGroup.get(spec.oneBoardForRoom ? 0 : g) ?? []).map((n) => n.id));
      for (let k = 0; k < 3; k++)
        await everyone(`board ${index}: dot ${k + 1}`, (i, a) => ({ case: 'castDot', value: { noteId: a.v[i][(i * 7 + a.k * 5) % a.v[i].length] } }), { v: visible, k });
      await command({ case: 'setBoardPhase', value: { board: index, phase: PHASE_RESULTS } });
      did[`board ${index}`] =
        `${want} notes (${columns}x${rows} cells, ${byGroup.size} board(s)); ${clusters} named clusters` +
        `${links ? `, ${links} links` : ''}; ${people * 3} dots; results`;
    } else if (kind === 'ACTIVITY_ACTION_PLAN') {
      const groups = membersOf();
      await until('the plans', DOC_ACTION_PLAN, (d, a) => d.filter((x) => x.actionPlan.item === a.i).length >= a.g, { i: index, g: groups.size });
      const rank = rankIn();
      const rowsPerPlan = 3;
      // One writes the objective, three add a row; the others say they edit nothing.
      await everyone(
        'objectives and rows',
        (i, a) => {
          const item = a.item;
          const group = a.groupOf[i];
          const k = a.rank[i];
          if (k === 0)
            return {
              case: 'setPlanObjective',
              value: {
                item,
                group,
                baseVersion: 0,
                text: `Grupo ${group}: que cada trámite "estrella" se resuelva en línea en menos de 10 días, con datos abiertos (ODS 9 y 16)`,
              },
            };
          if (k <= a.rows) return { case: 'addPlanRow', value: { item, group, afterRowId: 0 } };
          return { case: 'markPlanEditing', value: { item, group, rowId: 0, field: 0 } };
        },
        { item: index, groupOf, rank, rows: rowsPerPlan },
      );
      await until('the rows', DOC_ACTION_PLAN, (d, a) => d.filter((x) => x.actionPlan.item === a.i && (x.actionPlan.rows?.length ?? 0) >= a.r).length >= a.g, {
        i: index,
        g: groups.size,
        r: rowsPerPlan,
      });
      const rowIds = {};
      for (const d of await docs(DOC_ACTION_PLAN))
        if (d.actionPlan.item === index) rowIds[d.actionPlan.group] = d.actionPlan.rows.map((r) => r.id);
      // Each member one field (at version 0), until the rows' six fields are written.
      const cells = rowsPerPlan * 6;
      const values = [...groups.keys()].reduce((o, g) => {
        o[g] = Array.from({ length: cells }, (_, c) => planFields[c % 6](g, Math.floor(c / 6)));
        return o;
      }, {});
      const smallest = Math.min(...[...groups.values()].map((m) => m.length));
      for (let r = 0; r * smallest < cells; r++) {
        await everyone(
          `plan fields, pass ${r + 1}`,
          (i, a) => {
            const group = a.groupOf[i];
            const c = a.r * a.size[group] + a.rank[i];
            if (c >= a.cells) return { case: 'markPlanEditing', value: { item: a.item, group, rowId: 0, field: 0 } };
            return {
              case: 'editPlanField',
              value: { item: a.item, group, rowId: a.rows[group][Math.floor(c / 6)], field: 1 + (c % 6), text: a.values[group][c], baseVersion: 0 },
            };
          },
          {
            item: index,
            groupOf,
            rank,
            r,
            cells,
            rows: rowIds,
            values,
            size: Object.fromEntries([...groups].map(([g, m]) => [g, m.length])),
          },
        );
      }
      await command({ case: 'showPlan', value: { item: index, group: 0 } });
      did.plan = `${groups.size} plans: an objective and ${rowsPerPlan} rows with all six fields each`;
    } else if (kind === 'ACTIVITY_POLL') {
      await until('the poll', DOC_POLL, (d, i) => d.some((x) => x.poll.agendaIndex === i), index);
      const poll = (await docs(DOC_POLL)).find((d) => d.poll.agendaIndex === index).poll;
      const questions = poll.spec.questions;
      for (const [q, question] of questions.entries()) {
        await everyone(
          `survey question ${q + 1}`,
          (i, a) => {
            const t = a.question;
            const type = t.type;
            let value;
            if (type === 'POLL_QUESTION_TYPE_SCALE') {
              const min = t.scaleMin ?? 1;
              const max = t.scaleMax ?? 5;
              const step = t.scaleStep || 1;
              value = { number: min + step * (i % (Math.floor((max - min) / step) + 1)), why: i % 4 === 0 && t.whyPrompt ? 'Porque fue "práctico"' : '' };
            } else if (type === 'POLL_QUESTION_TYPE_LIKERT') {
              value = { choices: t.statements.map((_, s) => (i + s) % t.options.length) };
            } else if (type === 'POLL_QUESTION_TYPE_RECOMMEND') {
              value = { number: 10 - (i % 5), why: i % 3 === 0 ? 'Porque fue "práctico" y útil para mi institución' : '' };
            } else if (type === 'POLL_QUESTION_TYPE_SINGLE') {
              value = { choices: [i % t.options.length] };
            } else if (type === 'POLL_QUESTION_TYPE_MULTIPLE') {
              value = { choices: [...new Set([i % t.options.length, (i + 1) % t.options.length])].slice(0, t.maxChoices || 2) };
            } else if (type === 'POLL_QUESTION_TYPE_WORDS') {
              value = { words: ['escucha', 'datos', 'confianza', 'equipo'].slice(i % 3, (i % 3) + 1) };
            } else {
              value = { text: `Me llevo "la mentalidad experimental" para mi oficina (${i + 1})` };
            }
            return { case: 'answerPoll', value: { pollId: a.pollId, question: a.q, value } };
          },
          { pollId: poll.id, q, question },
        );
      }
      did.survey = `${questions.length} questions x ${people} answers`;
    } else {
      did[`item ${index}`] = `${item.title}: visited`;
    }
    if (Date.now() - phaseStarted > 1000) console.log(`  ${item.title}: ${((Date.now() - phaseStarted) / 1000).toFixed(1)} s`);
  }
  const fillMs = Date.now() - started;

  // (a) The export from node.
  const exportUrl = `${server.base}/api/workshops/${server.code}/export`;
  const getExport = async () => {
    const t0 = performance.now();
    const response = await fetch(exportUrl, { headers: { Authorization: `Bearer ${server.key}` } });
    const body = await response.text();
    const ms = performance.now() - t0;
    if (!response.ok) throw new Error(`the export: ${response.status} ${body.slice(0, 200)}`);
    return { ms, bytes: Buffer.byteLength(body), encoding: response.headers.get('content-encoding') ?? 'identity', body };
  };
  const first = await getExport(); // not measured (and read for what it holds)
  const exported = JSON.parse(first.body);
  const contents = {};
  for (const [key, value] of Object.entries(exported)) if (Array.isArray(value)) contents[key] = value.length;
  contents.race_runs = (exported.race?.teams ?? []).reduce((n, t) => n + (t.runs?.length ?? 0), 0);
  contents.plan_rows = (exported.action_plans ?? exported.actionPlans ?? []).reduce((n, p) => n + (p.rows?.length ?? 0), 0);
  const exportMs = [];
  const exportBytes = [];
  for (let run = 0; run < runs; run++) {
    const { ms, bytes } = await getExport();
    exportMs.push(ms);
    exportBytes.push(bytes);
  }

  // (b) The report page, in a fresh context each time; one page first, not measured (the
  // browser's first pages are slower).
  const reportUrl = `${server.base}/report/${server.code}#key=${encodeURIComponent(server.key)}`;
  const warm = await (await newDevice(browser, server, { viewport })).newPage();
  await warm.goto(reportUrl);
  await warm.locator('[data-report-ready]').waitFor({ timeout: 60_000 });
  await warm.context().close();
  const toRequest = [];
  const toExport = [];
  const toReady = [];
  const toPainted = [];
  const afterExport = [];
  let shown;
  for (let run = 0; run < runs; run++) {
    const context = await newDevice(browser, server, { viewport });
    const page = await context.newPage();
    await page.addInitScript(watchReport);
    await page.goto(reportUrl);
    await page.waitForFunction(() => window.campanaReportRender?.painted !== undefined, null, { timeout: 120_000 }).catch((error) => {
      throw new Error(`the report never set data-report-ready (is the report page in clients/web/dist?): ${error.message}`);
    });
    const record = await page.evaluate(() => window.campanaReportRender);
    toRequest.push(record.exportStart ?? NaN);
    toExport.push(record.exportEnd ?? NaN);
    toReady.push(record.ready);
    toPainted.push(record.painted);
    afterExport.push(record.painted - (record.exportEnd ?? NaN));
    shown = { headings: record.headings, elements: record.elements, sections: record.sections, bytes: record.exportBytes, transferred: record.exportTransferred };
    if (args.screenshot && run === runs - 1) await page.screenshot({ path: args.screenshot, fullPage: true });
    await context.close();
  }

  const result = {
    people,
    remote: crowd.filter((p) => p.presence === 2).length,
    agenda_items: agenda.length,
    viewport: `${viewport.width}x${viewport.height}`,
    joined_ms: joinedMs,
    fill_ms: fillMs,
    activities: did,
    export_contents: contents,
    export_ms: summary(exportMs),
    export_bytes: summary(exportBytes),
    export_encoding: first.encoding,
    navigation_to_export_request_ms: summary(toRequest),
    navigation_to_export_ms: summary(toExport),
    navigation_to_ready_ms: summary(toReady),
    navigation_to_painted_ms: summary(toPainted),
    export_to_painted_ms: summary(afterExport),
    page_export_bytes: shown.bytes,
    page_export_transferred_bytes: shown.transferred,
    report_elements: shown.elements,
    report_sections: shown.sections,
    report_headings: shown.headings,
    under_1s: summary(toPainted).median < 1000,
  };
  console.log(`\nReport render: ${people} people (${result.remote} remote), every activity of the demo (${agenda.length} items)`);
  for (const [what, text] of Object.entries(did)) console.log(`  ${what.padEnd(9)} ${text}`);
  console.log(`  (joining took ${(joinedMs / 1000).toFixed(1)} s, the whole workshop ${(fillMs / 1000).toFixed(1)} s)`);
  console.log(`  the report's headings: ${shown.headings.join(' · ')}`);
  console.log(`  export: ${Object.entries(contents).map(([k, v]) => `${k} ${v}`).join(', ')}`);
  console.log(`\nmedians over ${runs} run(s) [min-max]            ms`);
  console.log(`  GET export from node (${first.encoding})    ${cell(result.export_ms)}   ${cell(result.export_bytes, 0)} bytes`);
  console.log(`  report page (${result.viewport}), from the navigation:`);
  console.log(`    export requested                  ${cell(result.navigation_to_export_request_ms)}`);
  console.log(`    export received                   ${cell(result.navigation_to_export_ms)}   (${shown.bytes} bytes, ${shown.transferred} transferred)`);
  console.log(`    data-report-ready                 ${cell(result.navigation_to_ready_ms)}`);
  console.log(`    painted                           ${cell(result.navigation_to_painted_ms)}   (${shown.elements} elements, ${shown.sections} sections)`);
  console.log(`    export received to painted        ${cell(result.export_to_painted_ms)}`);
  console.log(`\nunder 1 s (navigation to painted, median ${result.navigation_to_painted_ms.median.toFixed(0)} ms): ${result.under_1s ? 'yes' : 'no'}`);
  if (args.out) writeFileSync(args.out, JSON.stringify(result) + '\n');
} finally {
  await browser.close();
  await server.dispose();
}
