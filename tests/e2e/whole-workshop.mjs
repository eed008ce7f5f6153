// A whole workshop: every activity of the demo template (deploy/templates/demo.es.json) with real
// data, for the report's browser test (report.test.mjs) and its benchmark
// (bench/report_render.mjs). The people join through the pages' own protocol (crowd.mjs, from
// one page; every sixth one remote) and stay connected; the facilitator (the crowd's desk) goes
// through every item of the agenda in order, and at each the crowd does what the activity asks,
// with the real commands, so that the export carries real data for each:
//
//   - groups: SetupGroups at random with the item's count (4 groups), DefineTeams as the item
//     proposes (A: groups 1 and 3, B: 2 and 4);
//   - the race: a captain named per team, the strategy started and the execution window opened;
//     the facilitator runs both stopwatches (two counted runs, of about 1.2 and 1.6 s by the
//     race's own start times, and one void run, which puts team A in its penalty), then
//     finishes the race;
//   - the card sort: dealt; each group's members send the same MoveCard steps to their group's
//     order (a repeated move is no change: every member taps, one move applies), the orders
//     score 100, two swaps off, a middle run reversed and all reversed; each group locks its
//     order (its other members' LockCards are refused as already locked), then the reveal;
//   - speed dating: two rounds (pairs in the room, pairs on a call for the remote ones), each
//     through its bells (first speakers drawn by StartSharing, SwapSpeakers, EndDate); everyone
//     saves a note of each date (datingNote) and every other person shares theirs;
//   - the open question: everyone answers (answerText: accents and quotes), shown;
//   - each board: 3 notes per person, revealed; in the group phase the facilitator makes two
//     named clusters (clusterTitle) per board (its group's or the room's) and, where the board
//     has links, links notes to notes and to other goal columns; 3 dots per person; then the
//     results;
//   - the action plan: in each group one member writes the objective (planObjective) and three
//     add a row; then the members fill the 3 rows' six fields (one field each, at version 0;
//     those left over send MarkPlanEditing "stopped", which records nothing); shown;
//   - the survey: everyone answers every question (by its type: scale, Likert, 0-10 with a why,
//     recommendWhy, from every third person).
// Presentation items (the welcome, the close) are visited.
//
// Nothing sleeps: each step waits (bounded) for what it needs in the facilitator's documents.
//
//   const { agenda, crowd, did } = await runWholeWorkshop(page, { code, people: 24 });
//
// `page` is of the server's origin, with crowdScript() added and campanaCrowd.openDesk(code, key)
// done. Resolves with the agenda's items, the people ({ name, presence }, person i the crowd's
// i-th), what each activity's data is (did: its lines for an output) and how long joining and
// the whole workshop took. Throws at the first command refused that the script did not expect.
import { within } from './crowd.mjs';

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

export const personName = (i) => `Persona ${i + 1}`;
export const isRemote = (i) => i % 6 === 5;

const answerTexts = [
  'Aprendí que "fallar rápido" también es válido en la administración pública',
  'Escuchar sin interrumpir me costó más de lo que creía; la "empatía" se practica',
  'Colaborar con otra institución exige acordar qué significa "éxito" antes de empezar',
  'Me llevo la pregunta: ¿qué haría un colaborador soñado en mi lugar?',
];
// Person i's answer to the open question.
export const answerText = (i) => `${answerTexts[i % answerTexts.length]} (${i + 1})`;
const noteTexts = [
  'Reuniones más cortas',
  'Escuchar a los equipos de campo antes de decidir',
  'Menos trámites en papel para los permisos municipales',
  'Compartir los datos de cada programa con las demás instituciones, "abiertos" y a tiempo',
  'Más capacitación en innovación pública',
  'Rendir cuentas a la comunidad cada trimestre, en su idioma, con cifras claras y sin tecnicismos',
];
// A board's c-th named cluster (0 or 1) of a group's board (0: the room's).
export const clusterTitle = (c, group) => `${c ? 'Datos' : 'Tiempo'} "${group || 'sala'}": lo que más pesa`;
// Person i's note of a speed-dating round.
export const datingNote = (round, i) =>
  `Ronda ${round}: me llevo "probar en pequeño" y una pregunta difícil sobre la evaluación (${i + 1}). ¿Cómo medirlo?`;
export const planObjective = (group) =>
  `Grupo ${group}: que cada trámite "estrella" se resuelva en línea en menos de 10 días, con datos abiertos (ODS 9 y 16)`;
// A plan row's six fields, in the order of the plan's columns (ActionPlanField 1-6).
export const planFields = [
  (g, r) => `Paso ${r + 1} del grupo ${g}: mapear el trámite "de punta a punta" con la ciudadanía`,
  (g, r) => `Coordinación de innovación y la jefa de atención (grupo ${g}, fila ${r + 1})`,
  () => 'Dos personas medio tiempo, sala de reuniones, Q 15 000 para el piloto',
  () => 'Tiempo de respuesta medio; satisfacción (encuesta de 1 a 5); quejas por mes',
  (g, r) => `2027-0${1 + ((g + r) % 9)}-${String(10 + r * 5).padStart(2, '0')}`,
  () => 'Informe trimestral publicado; el trámite en línea en menos de 10 días hábiles',
];
// The survey's "why" of a 0-10 recommendation (every third person says one).
export const recommendWhy = 'Porque fue "práctico" y útil para mi institución';
const scaleWhy = 'Porque fue "práctico"';

// The facilitator's side of the crowd page: commands, documents, waits, the crowd's rounds.
function session(desk, code, crowd) {
  const w = { desk, code, crowd, groupOf: [], did: {}, round: 0 };
  w.command = async (body) => {
    const reply = await desk.evaluate((b) => window.campanaCrowd.command(b), body);
    if (!reply.ok) throw new Error(`${body.case}: ${reply.message}`);
    return reply;
  };
  w.docs = (kind) => desk.evaluate((k) => window.campanaCrowd.docs(k), kind);
  // Waits (bounded) until the facilitator's documents of a kind pass `test` (a self-contained
  // function of the documents and `arg`, run in the page).
  w.until = (what, kind, test, arg, timeout = 30_000) =>
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
  // part of the script (a group's second LockCards); any other stops the workshop.
  w.everyone = async (what, make, arg, expected) => {
    const refused = await within(
      120_000,
      what,
      desk.evaluate(
        ([source, a, r]) => {
          const fn = new Function(`return ${source}`)();
          return window.campanaCrowd.fromKept((i) => fn(i, a), r);
        },
        [make.toString(), arg, w.round++],
      ),
    );
    const unexpected = refused.filter((m) => !(expected && expected.test(m)));
    if (unexpected.length > 0) throw new Error(`${what}: refused: ${unexpected.slice(0, 3).join('; ')}`);
    return refused.length;
  };
  // The participants' documents, in the crowd's order.
  w.participants = async () => {
    const byName = new Map((await w.docs(DOC_PARTICIPANT)).map((d) => [d.participant.displayName, d.participant]));
    return crowd.map((p) => byName.get(p.name));
  };
  // Each group's members, as crowd indexes.
  w.membersOf = () => {
    const members = new Map();
    w.groupOf.forEach((g, i) => members.set(g, [...(members.get(g) ?? []), i]));
    return members;
  };
  // Each person's place within their group (0-based).
  w.rankIn = () => {
    const rank = [];
    for (const list of w.membersOf().values()) list.forEach((i, k) => (rank[i] = k));
    return rank;
  };
  return w;
}

// Everyone joins during the welcome, one at a time, so that the crowd's i-th connection is
// person i; all stay connected (pairing takes those present).
async function joinEveryone(w) {
  const { crowd } = w;
  const refused = await within(
    180_000,
    `${crowd.length} people joined`,
    w.desk.evaluate(([code, c]) => window.campanaCrowd.join(code, c, { batch: 1, keepOpen: c.length }), [w.code, crowd]),
  );
  if (refused.length > 0) throw new Error(`join refused: ${refused.slice(0, 3).join('; ')}`);
  await w.until('the roster', DOC_PARTICIPANT, (d, n) => d.length >= n, crowd.length);
}

// The item's proposal, as the console's one click sends it; then the item.
async function makeGroups(w, item, index) {
  const count = item.groupCount || 4;
  await w.command({ case: 'setupGroups', value: { mode: 1, count } }); // MODE_RANDOM
  const teams = (item.teams ?? []).map((t) => ({ name: t.name, groups: t.groups }));
  if (teams.length > 0) await w.command({ case: 'defineTeams', value: { teams } });
  await w.command({ case: 'gotoAgendaItem', value: { index } });
  await w.until('every group', DOC_PARTICIPANT, (d) => d.every((p) => (p.participant.group ?? 0) > 0));
  if (teams.length > 0) await w.until('the teams', DOC_GROUPS, (d, n) => d[0]?.groups?.teams?.length === n, teams.length);
  w.groupOf = (await w.participants()).map((p) => p.group);
  w.did.groups = `${count} groups (${[...w.membersOf().values()].map((m) => m.length).join(', ')} people), ${teams.length} teams`;
}

// Waits until a team's stopwatch has run `ms` by the race's own start time (server time, the
// same clock as the page's on this machine).
const ranFor = (w, teamId, ms) =>
  w.until(
    `team ${teamId} ran ${ms} ms`,
    DOC_RACE,
    (d, a) => {
      const team = d[0]?.race?.teams?.find((t) => t.teamId === a.teamId);
      return team?.running === true && Date.now() - Number(team.startedAtMs) >= a.ms;
    },
    { teamId, ms },
  );

async function runRace(w, index) {
  await w.until('the race', DOC_RACE, (d, i) => d[0]?.race?.agendaIndex === i, index);
  const race = (await w.docs(DOC_RACE))[0].race;
  const [{ groups }] = await w.docs(DOC_GROUPS);
  const roster = await w.participants();
  const teams = race.teams ?? [];
  for (const team of teams) {
    const groupsOfTeam = groups.teams.find((t) => t.id === team.teamId)?.groups ?? [];
    const captain = roster.find((p) => groupsOfTeam.includes(p.group));
    if (captain) await w.command({ case: 'nameCaptain', value: { teamId: team.teamId, participantId: captain.id } });
  }
  await w.command({ case: 'startRaceStrategy', value: {} });
  await w.command({ case: 'openRaceWindow', value: {} });
  const [a, b] = teams.map((t) => t.teamId);
  let runsDone = 0;
  if (a && b) {
    // Both run; A stops after about 1.2 s, B after 1.6 s (a run is at least a second); A's
    // next run is void (the ball fell): A waits out its penalty.
    await w.command({ case: 'startRun', value: { teamId: a } });
    await w.command({ case: 'startRun', value: { teamId: b } });
    await ranFor(w, a, 1200);
    await w.command({ case: 'stopRun', value: { teamId: a } });
    await ranFor(w, b, 1600);
    await w.command({ case: 'stopRun', value: { teamId: b } });
    await w.command({ case: 'startRun', value: { teamId: a } });
    await w.command({ case: 'voidRun', value: { teamId: a } });
    runsDone = 3;
  }
  await w.command({ case: 'finishRace', value: {} });
  w.did.race = `${teams.length} teams with captains; ${runsDone} runs (2 counted, 1 void); finished`;
}

async function sortCards(w, index) {
  await w.until('the deck', DOC_CARD_DECK, (d, i) => d[0]?.cardDeck?.agendaIndex === i, index);
  await w.command({ case: 'startCardSort', value: {} });
  await w.until('the deal', DOC_CARD_DECK, (d) => d[0]?.cardDeck?.started === true);
  await w.until('the reference', DOC_CARD_RESULTS, (d) => (d[0]?.cardResults?.reference?.length ?? 0) > 0);
  const reference = (await w.docs(DOC_CARD_RESULTS))[0].cardResults.reference;
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
  const targets = w.groupOf.map((g) => targetOf(g));
  // Step k: every member moves their group's k-th card to place k.
  for (let k = 0; k < n - 1; k++)
    await w.everyone(`card move ${k + 1}`, (i, a) => ({ case: 'moveCard', value: { cardId: a.t[i][a.k], toIndex: a.k } }), { t: targets, k });
  await w.everyone('locking', () => ({ case: 'lockCards', value: {} }), null, /locked its order/);
  const groups = w.membersOf().size;
  await w.until('every group locked', DOC_CARD_GROUP, (d, g) => d.filter((x) => x.cardGroup.locked).length >= g, groups);
  const orders = await w.docs(DOC_CARD_GROUP);
  const off = orders.filter((o) => JSON.stringify(o.cardGroup.order) !== JSON.stringify(targetOf(o.cardGroup.group)));
  if (off.length > 0) console.warn(`card sort: ${off.length} group(s) did not reach their intended order`);
  await w.command({ case: 'revealCards', value: {} });
  w.did.cards = `${n} cards; ${groups} groups each moved ${n - 1} steps (every member tapping) and locked; revealed`;
}

async function speedDating(w, index) {
  await w.until('the dating', DOC_DATING, (d, i) => d[0]?.dating?.agendaIndex === i, index);
  const rounds = 2;
  for (let r = 1; r <= rounds; r++) {
    await w.command({ case: 'startDatingRound', value: {} });
    await w.until(`round ${r}`, DOC_DATING, (d, n) => d[0]?.dating?.round === n, r);
    await w.command({ case: 'startSharing', value: {} });
    await w.command({ case: 'swapSpeakers', value: {} });
    // A trio's third speaker, when the round has one.
    const third = await w.desk.evaluate((b) => window.campanaCrowd.command(b), { case: 'swapSpeakers', value: {} });
    if (!third.ok && !/everyone has shared/.test(third.message)) throw new Error(`swapSpeakers: ${third.message}`);
    await w.command({ case: 'endDate', value: {} });
    await w.everyone(
      `notes of round ${r}`,
      (i, a) => ({ case: 'saveNote', value: { round: a.r, text: a.texts[i] } }),
      { r, texts: w.crowd.map((_, i) => datingNote(r, i)) },
    );
    await w.everyone(`sharing notes of round ${r}`, (i, a) => ({ case: 'shareNotes', value: { round: a, shared: i % 2 === 0 } }), r);
  }
  w.did.dating = `${rounds} rounds through their bells; ${w.crowd.length} notes a round, half of them shared`;
}

async function answerQuestion(w, index) {
  await w.everyone(
    'the answers',
    (i, a) => ({ case: 'submitAnswer', value: { agendaIndex: a.index, text: a.texts[i] } }),
    { index, texts: w.crowd.map((_, i) => answerText(i)) },
  );
  await w.command({ case: 'showAnswers', value: { agendaIndex: index, show: true, withNames: false } });
  w.did.question = `${w.crowd.length} answers with accents and quotes, shown`;
}

async function fillBoard(w, index) {
  const people = w.crowd.length;
  await w.until(`board ${index}`, DOC_BOARD, (d, i) => d.some((x) => Number(x.id) === i), index);
  const spec = (await w.docs(DOC_BOARD)).find((d) => Number(d.id) === index).board.spec;
  const columns = spec.columns.length;
  const rows = Math.max(1, spec.rows?.length ?? 0);
  const perPerson = 3;
  for (let k = 0; k < perPerson; k++) {
    await w.everyone(
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
  await w.until(`board ${index}: notes`, DOC_BOARD_NOTE, (d, a) => d.filter((x) => x.boardNote.board === a.b).length >= a.n, { b: index, n: want });
  await w.command({ case: 'setBoardPhase', value: { board: index, phase: PHASE_REVEAL } });
  await w.command({ case: 'setBoardPhase', value: { board: index, phase: PHASE_GROUP } });
  // Per board (each group's, or the room's): two clusters of three notes, named; links.
  const notes = (await w.docs(DOC_BOARD_NOTE)).map((d) => d.boardNote).filter((x) => x.board === index);
  const byGroup = new Map();
  for (const note of notes) byGroup.set(note.group ?? 0, [...(byGroup.get(note.group ?? 0) ?? []), note]);
  let clusters = 0;
  let links = 0;
  for (const [group, list] of byGroup) {
    list.sort((x, y) => x.id - y.id);
    for (const [c, [head, ...rest]] of [list.slice(0, 3), list.slice(3, 6)].filter((l) => l.length > 1).entries()) {
      for (const note of rest) await w.command({ case: 'groupNote', value: { noteId: note.id, intoNoteId: head.id } });
      await w.until('the cluster', DOC_BOARD_NOTE, (d, id) => (d.find((x) => x.boardNote.id === id)?.boardNote.clusterId ?? 0) > 0, head.id);
      const clusterId = (await w.docs(DOC_BOARD_NOTE)).find((d) => d.boardNote.id === head.id).boardNote.clusterId;
      await w.command({ case: 'nameCluster', value: { clusterId, title: clusterTitle(c, group) } });
      clusters++;
    }
    if (spec.links && list.length >= 10) {
      await w.command({ case: 'linkNotes', value: { noteId: list[6].id, toNoteId: list[7].id, linked: true } });
      await w.command({ case: 'linkNotes', value: { noteId: list[8].id, toNoteId: list[0].id, linked: true } });
      await w.command({ case: 'linkGoal', value: { noteId: list[9].id, column: (list[9].column ?? 0) === 0 ? 1 : 0, linked: true } });
      links += 3;
    }
  }
  await w.command({ case: 'setBoardPhase', value: { board: index, phase: PHASE_VOTE } });
  // Each person's dots on notes of their board: three different ones.
  const visible = w.groupOf.map((g) => (byGroup.get(spec.oneBoardForRoom ? 0 : g) ?? []).map((n) => n.id));
  for (let k = 0; k < 3; k++)
    await w.everyone(`board ${index}: dot ${k + 1}`, (i, a) => ({ case: 'castDot', value: { noteId: a.v[i][(i * 7 + a.k * 5) % a.v[i].length] } }), { v: visible, k });
  await w.command({ case: 'setBoardPhase', value: { board: index, phase: PHASE_RESULTS } });
  w.did[`board ${index}`] =
    `${want} notes (${columns}x${rows} cells, ${byGroup.size} board(s)); ${clusters} named clusters` +
    `${links ? `, ${links} links` : ''}; ${people * 3} dots; results`;
}

async function writePlans(w, index) {
  const groups = w.membersOf();
  const { groupOf } = w;
  await w.until('the plans', DOC_ACTION_PLAN, (d, a) => d.filter((x) => x.actionPlan.item === a.i).length >= a.g, { i: index, g: groups.size });
  const rank = w.rankIn();
  const rowsPerPlan = 3;
  // One writes the objective, three add a row; the others say they edit nothing.
  await w.everyone(
    'objectives and rows',
    (i, a) => {
      const item = a.item;
      const group = a.groupOf[i];
      const k = a.rank[i];
      if (k === 0)
        return { case: 'setPlanObjective', value: { item, group, baseVersion: 0, text: a.objectives[group] } };
      if (k <= a.rows) return { case: 'addPlanRow', value: { item, group, afterRowId: 0 } };
      return { case: 'markPlanEditing', value: { item, group, rowId: 0, field: 0 } };
    },
    { item: index, groupOf, rank, rows: rowsPerPlan, objectives: Object.fromEntries([...groups.keys()].map((g) => [g, planObjective(g)])) },
  );
  await w.until('the rows', DOC_ACTION_PLAN, (d, a) => d.filter((x) => x.actionPlan.item === a.i && (x.actionPlan.rows?.length ?? 0) >= a.r).length >= a.g, {
    i: index,
    g: groups.size,
    r: rowsPerPlan,
  });
  const rowIds = {};
  for (const d of await w.docs(DOC_ACTION_PLAN))
    if (d.actionPlan.item === index) rowIds[d.actionPlan.group] = d.actionPlan.rows.map((r) => r.id);
  // Each member one field (at version 0), until the rows' six fields are written.
  const cells = rowsPerPlan * 6;
  const values = [...groups.keys()].reduce((o, g) => {
    o[g] = Array.from({ length: cells }, (_, c) => planFields[c % 6](g, Math.floor(c / 6)));
    return o;
  }, {});
  const smallest = Math.min(...[...groups.values()].map((m) => m.length));
  for (let r = 0; r * smallest < cells; r++) {
    await w.everyone(
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
  await w.command({ case: 'showPlan', value: { item: index, group: 0 } });
  w.did.plan = `${groups.size} plans: an objective and ${rowsPerPlan} rows with all six fields each`;
}

async function answerSurvey(w, index) {
  await w.until('the poll', DOC_POLL, (d, i) => d.some((x) => x.poll.agendaIndex === i), index);
  const poll = (await w.docs(DOC_POLL)).find((d) => d.poll.agendaIndex === index).poll;
  const questions = poll.spec.questions;
  for (const [q, question] of questions.entries()) {
    await w.everyone(
      `survey question ${q + 1}`,
      (i, a) => {
        const t = a.question;
        const type = t.type;
        let value;
        if (type === 'POLL_QUESTION_TYPE_SCALE') {
          const min = t.scaleMin ?? 1;
          const max = t.scaleMax ?? 5;
          const step = t.scaleStep || 1;
          value = { number: min + step * (i % (Math.floor((max - min) / step) + 1)), why: i % 4 === 0 && t.whyPrompt ? a.scaleWhy : '' };
        } else if (type === 'POLL_QUESTION_TYPE_LIKERT') {
          value = { choices: t.statements.map((_, s) => (i + s) % t.options.length) };
        } else if (type === 'POLL_QUESTION_TYPE_RECOMMEND') {
          value = { number: 10 - (i % 5), why: i % 3 === 0 ? a.recommendWhy : '' };
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
      { pollId: poll.id, q, question, scaleWhy, recommendWhy },
    );
  }
  w.did.survey = `${questions.length} questions x ${w.crowd.length} answers`;
}

const steps = {
  ACTIVITY_RACE: runRace,
  ACTIVITY_CARD_SORT: sortCards,
  ACTIVITY_SPEED_DATING: speedDating,
  ACTIVITY_QUESTION: answerQuestion,
  ACTIVITY_BOARD: fillBoard,
  ACTIVITY_ACTION_PLAN: writePlans,
  ACTIVITY_POLL: answerSurvey,
};

// `people` join (every sixth remote) and the workshop runs; `log` gets a line for each item that
// took more than a second.
export async function runWholeWorkshop(desk, { code, people = 48, log = console.log } = {}) {
  const crowd = Array.from({ length: people }, (_, i) => ({
    name: personName(i),
    presence: isRemote(i) ? 2 : 1, // 1: in the room, 2: remote
    commands: [],
  }));
  const w = session(desk, code, crowd);
  await w.until('the agenda', DOC_AGENDA, (d) => d.length > 0);
  const [agendaDoc] = await w.docs(DOC_AGENDA);
  const agenda = agendaDoc.agenda.items;
  const started = Date.now();
  await joinEveryone(w);
  const joinedMs = Date.now() - started;

  for (const [index, item] of agenda.entries()) {
    const kind = item.activity ?? 'ACTIVITY_UNSPECIFIED';
    const itemStarted = Date.now();
    if (kind === 'ACTIVITY_GROUPS') {
      await makeGroups(w, item, index);
    } else {
      await w.command({ case: 'gotoAgendaItem', value: { index } });
      const step = steps[kind];
      if (step) await step(w, index);
      else w.did[`item ${index}`] = `${item.title}: visited`;
    }
    if (Date.now() - itemStarted > 1000) log(`  ${item.title}: ${((Date.now() - itemStarted) / 1000).toFixed(1)} s`);
  }
  return {
    agenda,
    crowd: crowd.map(({ name, presence }) => ({ name, presence })),
    groupOf: w.groupOf,
    did: w.did,
    joinedMs,
    fillMs: Date.now() - started,
  };
}
