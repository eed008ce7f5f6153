// The report of a whole workshop (issue 15: "the report of a workshop with 48 people and every
// activity is generated in under 1 s"; docs/performance.md, "The report"). campana with the demo
// workshop; 48 people join through the pages' own protocol (tests/e2e/crowd.mjs, from one page;
// every sixth one remote) and stay connected; the facilitator (the crowd's desk) goes through
// every item of the agenda in order, and at each the crowd does what the activity asks, with the
// real commands, so that the export carries real data for each: tests/e2e/whole-workshop.mjs
// (shared with the report's browser test, tests/e2e/report.test.mjs) says what each activity's
// data is.
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
const { crowdScript } = await import('../tests/e2e/crowd.mjs');
const { runWholeWorkshop } = await import('../tests/e2e/whole-workshop.mjs');

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

// Median, min and max, as bench/stats.h reports them.
function summary(samples) {
  const s = [...samples].sort((a, b) => a - b);
  const n = s.length;
  const median = n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
  return { median, min: s[0], max: s[n - 1], runs: n };
}

const cell = (s, digits = 1) => `${s.median.toFixed(digits)} [${s.min.toFixed(digits)}-${s.max.toFixed(digits)}]`;

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
        const mark = (name) => performance.getEntriesByName(name)[0]?.startTime;
        record.core = mark('campana:core');
        record.reportCode = mark('campana:report-code');
        record.protocolLoaded = performance.getEntriesByType('resource').some((e) => /\/protocol-/.test(e.name));
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
  const { agenda, crowd, did, joinedMs, fillMs } = await runWholeWorkshop(desk, { code: server.code, people });

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
  const toCore = [];
  const toReportCode = [];
  let protocolLoaded = false;
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
    toCore.push(record.core ?? NaN);
    toReportCode.push(record.reportCode ?? NaN);
    protocolLoaded ||= record.protocolLoaded;
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
    navigation_to_core_ms: summary(toCore),
    navigation_to_report_code_ms: summary(toReportCode),
    protocol_chunk_loaded: protocolLoaded,
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
  console.log(`    core evaluated                    ${cell(result.navigation_to_core_ms)}   (protobuf's code loaded: ${protocolLoaded ? 'yes' : 'no'})`);
  console.log(`    export requested                  ${cell(result.navigation_to_export_request_ms)}`);
  console.log(`    the report's code has run         ${cell(result.navigation_to_report_code_ms)}`);
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
