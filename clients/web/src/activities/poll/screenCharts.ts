import { PollQuestionType } from '../../gen/campana/v1/poll_enums';

// A poll question's results as SVG, drawn here by hand: Chart.js draws on a canvas (no SVG file
// for the report), Vega and Plotly weigh hundreds of KB, and these few shapes of bars are a few KB.
// One string serves the projector, the console and the export's SVG files.
//
// Pure functions of a question, its tally and the words of the page's language. Everything a
// person typed is escaped (it goes into markup). Each chart is role="img" with a <title> and a
// <desc> that says every figure in words, and every colour has its words beside it (the values
// on the bars, the legend, the ranges), so colour carries no meaning alone. The type is big: the
// chart is drawn in a viewBox some 1,600 units wide, with text of 34 to 48 units, for a projector
// read from the back of the room; the page scales it to its box.

// The question and tally as the charts read them: the protobuf messages fit, and so does what
// the console reads from the export's plain JSON.
export interface ChartQuestion {
  type: PollQuestionType;
  prompt: string;
  options: readonly string[];
  allowOther: boolean;
  scaleMin: number;
  scaleMax: number;
  scaleStep: number;
  minLabel: string;
  maxLabel: string;
  statements: readonly string[];
}
export interface ChartTally {
  answered: number;
  counts: readonly number[];
  recommendScore: number;
  words: readonly { word: string; count: number }[];
}

// The words of the charts, in the page's language.
export interface ChartWords {
  chartOf: (prompt: string) => string; // the chart's accessible name
  answerCount: (n: number) => string;
  other: string;
  mean: (value: string) => string;
  severalEach: string; // MULTIPLE: percentages of the people who answered
  detractors: string;
  passives: string;
  promoters: string;
  recommendScore: string;
  recommendHow: string;
  noWordsYet: string;
  noAnswersYet: string;
  decimal: (value: number) => string; // one decimal, the page's way
}

export interface ChartOptions {
  // The viewBox's width (its height follows from the content). Default 1,600.
  width?: number;
  // Fill a box of this width / height: the width is chosen so that the chart's own shape
  // matches the box's, and it scales as little as it can (the projector).
  aspect?: number;
  // The prompt drawn above the chart (the export's files: a report embeds them alone).
  heading?: boolean;
}

export interface Chart {
  width: number;
  height: number;
  svg: string;
}

// ---- Text

// Characters that XML 1.0 does not allow (controls, lone surrogates, U+FFFE/U+FFFF) are left
// out: an export file holding one would not open.
function xmlChars(text: string): string {
  let out = '';
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    const control = c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d;
    if (control || (c >= 0xd800 && c <= 0xdfff) || c === 0xfffe || c === 0xffff) continue;
    out += ch;
  }
  return out;
}

export function escapeXml(text: string): string {
  return xmlChars(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

const glyph = 0.56; // a sans-serif letter's average width, in ems (bold: a little wider)
const boldGlyph = 0.62;

function length(text: string): number {
  return Array.from(text).length;
}

function widthOf(text: string, size: number, bold = false): number {
  return length(text) * size * (bold ? boldGlyph : glyph);
}

// Lines of at most `width` units at `size`, at most `maxLines` of them, the last cut with an
// ellipsis when the text does not fit. Breaks at spaces; a word longer than a line is cut.
export function wrapText(text: string, width: number, size: number, maxLines: number, bold = false): string[] {
  const perLine = Math.max(4, Math.floor(width / (size * (bold ? boldGlyph : glyph))));
  const lines: string[] = [];
  let line = '';
  const words = text.trim().split(/\s+/).filter(Boolean);
  for (const word of words) {
    let rest = Array.from(word);
    while (rest.length > 0) {
      const gap = line ? 1 : 0;
      if (length(line) + gap + rest.length <= perLine) {
        line = line ? `${line} ${rest.join('')}` : rest.join('');
        rest = [];
      } else if (line) {
        lines.push(line);
        line = '';
      } else {
        lines.push(rest.slice(0, perLine).join(''));
        rest = rest.slice(perLine);
      }
    }
  }
  if (line) lines.push(line);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  const last = Array.from(kept[maxLines - 1]!);
  kept[maxLines - 1] = `${last.slice(0, Math.max(1, Math.min(last.length, perLine - 1))).join('')}…`;
  return kept;
}

const r1 = (v: number) => Math.round(v * 10) / 10;

interface TextStyle {
  size: number;
  bold?: boolean;
  fill?: string;
  anchor?: 'start' | 'middle' | 'end';
}

function textAt(x: number, y: number, text: string, s: TextStyle): string {
  const anchor = s.anchor && s.anchor !== 'start' ? ` text-anchor="${s.anchor}"` : '';
  const weight = s.bold ? ' font-weight="700"' : '';
  return `<text x="${r1(x)}" y="${r1(y)}" font-size="${r1(s.size)}"${weight} fill="${s.fill ?? ink}"${anchor}>${escapeXml(text)}</text>`;
}

// Lines from a baseline `y`, one under the other.
function linesAt(x: number, y: number, lines: string[], s: TextStyle): string {
  return lines.map((line, i) => textAt(x, y + i * s.size * lineHeight, line, s)).join('');
}

function rect(x: number, y: number, w: number, h: number, fill: string, extra = ''): string {
  return `<rect x="${r1(x)}" y="${r1(y)}" width="${r1(Math.max(0, w))}" height="${r1(Math.max(0, h))}" fill="${fill}"${extra}/>`;
}

// ---- Colours (contrast on white and on the pages' paper: at least 4.5:1 for text, and for the
// text drawn on a coloured bar, against that bar)

const ink = '#14213d';
const muted = '#5c6370';
const bar = '#1d3557';
const otherBar = '#5c6370';
const white = '#ffffff';
const detractorColour = '#b3261e';
const passiveColour = '#767676';
const promoterColour = '#1b7a3a';
const wordColours = ['#1d3557', '#b3261e', '#1b6f4a', '#6a3d9a', '#8a4b00'];

// The Likert levels' colours, from disagree (red) through neutral (grey) to agree (blue), for 2
// to 7 levels; and the text each takes.
const likertPalettes: Record<number, string[]> = {
  2: ['#b3261e', '#1d3557'],
  3: ['#b3261e', '#d9d6cc', '#1d3557'],
  4: ['#b3261e', '#e8826b', '#4393c3', '#1d3557'],
  5: ['#b3261e', '#e8826b', '#d9d6cc', '#4393c3', '#1d3557'],
  6: ['#b3261e', '#e8826b', '#f7c6b0', '#a9cfe6', '#4393c3', '#1d3557'],
  7: ['#b3261e', '#e8826b', '#f7c6b0', '#d9d6cc', '#a9cfe6', '#4393c3', '#1d3557'],
};
const darkFills = new Set(['#b3261e', '#1d3557']);

export function likertColours(levels: number): string[] {
  const n = Math.min(7, Math.max(2, levels));
  const palette = likertPalettes[n]!;
  // More levels than the palette (not valid, but drawn): the last colour again.
  return Array.from({ length: levels }, (_, i) => palette[Math.min(i, palette.length - 1)]!);
}

export function textOn(fill: string): string {
  return darkFills.has(fill) ? white : ink;
}

// The recommend score's groups: 0-6 detractors, 7-8 passives, 9-10 promoters.
export function recommendGroup(point: number): 'detractor' | 'passive' | 'promoter' {
  return point <= 6 ? 'detractor' : point <= 8 ? 'passive' : 'promoter';
}
export function recommendColour(point: number): string {
  const group = recommendGroup(point);
  return group === 'detractor' ? detractorColour : group === 'passive' ? passiveColour : promoterColour;
}

// ---- Figures

// Whole percentages of the total, each rounded alone: equal counts always read alike, even if
// the labels then add up to 99 or 101 (the bars' lengths are exact).
export function sharesOf(counts: readonly number[]): number[] {
  const total = counts.reduce((a, b) => a + b, 0);
  return counts.map((c) => percentOf(c, total));
}

export function percentOf(count: number, of: number): number {
  return of > 0 ? Math.round((count * 100) / of) : 0;
}

// The points of a scale, from its min to its max by its step (at most 41: a scale the server
// would refuse is still drawn, not looped over forever).
export function scalePoints(q: ChartQuestion): number[] {
  const unset = q.scaleMin === 0 && q.scaleMax === 0; // the defaults: 1 to 5
  const min = unset ? 1 : q.scaleMin;
  const max = unset ? 5 : q.scaleMax;
  const step = Math.max(1, q.scaleStep);
  const points: number[] = [];
  for (let v = min; v <= max && points.length < 41; v += step) points.push(v);
  return points;
}

// Each statement's counts per level, from the tally's row-major counts.
export function likertRows(q: ChartQuestion, t: ChartTally | undefined): number[][] {
  const levels = q.options.length;
  return q.statements.map((_, s) => Array.from({ length: levels }, (_, l) => t?.counts[s * levels + l] ?? 0));
}

// A stacked bar's segments: where each level starts and how wide it is, in a bar of `width`;
// they fill it exactly (or nothing, when nobody answered).
export function stack(counts: readonly number[], width: number): { x: number; w: number }[] {
  const total = counts.reduce((a, b) => a + b, 0);
  let x = 0;
  return counts.map((c) => {
    const w = total > 0 ? (c * width) / total : 0;
    const segment = { x, w };
    x += w;
    return segment;
  });
}

// ---- Charts

const pad = 24;
const lineHeight = 1.2;
const bodySize = 40;
const smallSize = 34;

interface Drawn {
  height: number;
  body: string;
  desc: string;
}

type Layout = (q: ChartQuestion, t: ChartTally | undefined, w: ChartWords, width: number, top: number) => Drawn;

function answeredOf(t: ChartTally | undefined): number {
  return t?.answered ?? 0;
}

// SINGLE and MULTIPLE: one horizontal bar per option (then "other"), its label on the left, its
// count and percentage on the right. Bars are as long as their share of the most chosen option.
function choiceBars(q: ChartQuestion, t: ChartTally | undefined, w: ChartWords, width: number, top: number): Drawn {
  const labels = [...q.options, ...(q.allowOther ? [w.other] : [])];
  const counts = labels.map((_, i) => t?.counts[i] ?? 0);
  const answered = answeredOf(t);
  const multiple = q.type === PollQuestionType.MULTIPLE;
  const shares = multiple ? counts.map((c) => percentOf(c, answered)) : sharesOf(counts);
  const values = counts.map((c, i) => `${c} · ${shares[i]}%`);
  const valueWidth = Math.max(...values.map((v) => widthOf(v, bodySize, true)), widthOf('00 · 100%', bodySize, true));
  const labelWidth = Math.round(width * 0.34);
  const barX = pad + labelWidth + 24;
  const barMax = Math.max(40, width - pad - valueWidth - 24 - barX);
  const most = Math.max(1, ...counts);
  let y = top;
  let body = '';
  if (multiple) {
    body += textAt(pad, y + smallSize, w.severalEach, { size: smallSize, fill: muted });
    y += smallSize * 1.6;
  }
  labels.forEach((label, i) => {
    const lines = wrapText(label, labelWidth, bodySize, 2);
    const rowHeight = Math.max(lines.length * bodySize * lineHeight, 64);
    const middle = y + rowHeight / 2;
    const first = middle - ((lines.length - 1) * bodySize * lineHeight) / 2 + bodySize * 0.35;
    body += linesAt(pad + labelWidth, first, lines, { size: bodySize, anchor: 'end' });
    const barLength = counts[i]! > 0 ? (counts[i]! / most) * barMax : 4;
    const isOther = q.allowOther && i === q.options.length;
    body += rect(barX, middle - 28, barLength, 56, isOther ? otherBar : bar);
    body += textAt(barX + barLength + 16, middle + bodySize * 0.35, values[i]!, { size: bodySize, bold: true });
    y += rowHeight + 24;
  });
  const desc = labels.map((l, i) => `${l}: ${values[i]}`).join('. ');
  return { height: y - top, body, desc };
}

// SCALE: a column per point, its count and percentage above it, the point under it, and the
// ends' words under the first and last points. The mean in the first line.
function scaleColumns(q: ChartQuestion, t: ChartTally | undefined, w: ChartWords, width: number, top: number): Drawn {
  const points = scalePoints(q);
  const counts = points.map((_, i) => t?.counts[i] ?? 0);
  const total = counts.reduce((a, b) => a + b, 0);
  const shares = sharesOf(counts);
  const mean = total > 0 ? counts.reduce((sum, c, i) => sum + c * points[i]!, 0) / total : undefined;
  return columns({
    top,
    width,
    labels: points.map(String),
    counts,
    percents: shares,
    colours: points.map(() => bar),
    summary: mean === undefined ? '' : w.mean(w.decimal(mean)),
    minLabel: q.minLabel,
    maxLabel: q.maxLabel,
  });
}

interface ColumnsInput {
  top: number;
  width: number;
  labels: string[];
  counts: number[];
  percents: number[];
  colours: string[];
  summary: string;
  minLabel: string;
  maxLabel: string;
  brackets?: { from: number; to: number; colour: string }[];
}

function columns(c: ColumnsInput): Drawn {
  const n = Math.max(1, c.labels.length);
  const slot = (c.width - 2 * pad) / n;
  // Narrow columns (a 0-10 chart beside its score, a scale of many points) keep their counts
  // readable and leave the percentages to the description (and the 0-10 groups' legend).
  const withPercents = slot >= 80;
  const valueSize = Math.min(bodySize, slot * (withPercents ? 0.42 : 0.6));
  const percentSize = withPercents ? Math.min(smallSize, slot * 0.36) : 0;
  const plot = 360;
  let y = c.top;
  let body = '';
  if (c.summary) {
    body += textAt(pad, y + bodySize, c.summary, { size: bodySize, bold: true });
    y += bodySize * 1.6;
  }
  const valuesTop = y;
  const base = valuesTop + valueSize * lineHeight + percentSize * lineHeight + 12 + plot;
  const most = Math.max(1, ...c.counts);
  c.labels.forEach((label, i) => {
    const x = pad + i * slot;
    const h = c.counts[i]! > 0 ? (c.counts[i]! / most) * plot : 4;
    const barWidth = slot * 0.72;
    const cx = x + slot / 2;
    body += rect(cx - barWidth / 2, base - h, barWidth, h, c.colours[i]!);
    const valueY = base - h - 12 - percentSize * lineHeight;
    body += textAt(cx, valueY, String(c.counts[i]), { size: valueSize, bold: true, anchor: 'middle' });
    if (withPercents) {
      body += textAt(cx, valueY + percentSize * lineHeight, `${c.percents[i]}%`, {
        size: percentSize,
        fill: muted,
        anchor: 'middle',
      });
    }
    body += textAt(cx, base + bodySize * 1.15, label, {
      size: Math.min(bodySize + 4, slot * 0.5),
      bold: true,
      anchor: 'middle',
    });
  });
  body += rect(pad, base, c.width - 2 * pad, 3, ink);
  y = base + bodySize * 1.5;
  for (const b of c.brackets ?? []) {
    body += rect(pad + b.from * slot + 6, y, (b.to - b.from + 1) * slot - 12, 10, b.colour);
  }
  if (c.brackets?.length) y += 22;
  if (c.minLabel || c.maxLabel) {
    const half = (c.width - 2 * pad) / 2 - 12;
    const low = c.minLabel ? wrapText(c.minLabel, half, smallSize, 2) : [];
    const high = c.maxLabel ? wrapText(c.maxLabel, half, smallSize, 2) : [];
    body += linesAt(pad, y + smallSize, low, { size: smallSize, fill: muted });
    body += linesAt(c.width - pad, y + smallSize, high, { size: smallSize, fill: muted, anchor: 'end' });
    y += Math.max(low.length, high.length) * smallSize * lineHeight + 12;
  }
  const ends = [c.minLabel && `${c.labels[0]}: ${c.minLabel}`, c.maxLabel && `${c.labels[n - 1]}: ${c.maxLabel}`];
  const desc = [
    c.summary,
    c.labels.map((l, i) => `${l}: ${c.counts[i]} (${c.percents[i]}%)`).join(', '),
    ...ends.filter(Boolean),
  ]
    .filter(Boolean)
    .join('. ');
  return { height: y - c.top, body, desc };
}

// RECOMMEND: the 0-10 distribution coloured by group, with the groups' ranges under the axis, and
// beside it the recommend score, big, with each group's share in words.
function recommend(q: ChartQuestion, t: ChartTally | undefined, w: ChartWords, width: number, top: number): Drawn {
  const points = Array.from({ length: 11 }, (_, i) => i);
  const counts = points.map((i) => t?.counts[i] ?? 0);
  const total = counts.reduce((a, b) => a + b, 0);
  const side = Math.max(400, Math.round(width * 0.3));
  const plot = columns({
    top,
    width: width - side,
    labels: points.map(String),
    counts,
    percents: sharesOf(counts),
    colours: points.map(recommendColour),
    summary: '',
    minLabel: q.minLabel,
    maxLabel: q.maxLabel,
    brackets: [
      { from: 0, to: 6, colour: detractorColour },
      { from: 7, to: 8, colour: passiveColour },
      { from: 9, to: 10, colour: promoterColour },
    ],
  });
  const sum = (from: number, to: number) => counts.slice(from, to + 1).reduce((a, b) => a + b, 0);
  const groups = [
    { name: w.promoters, range: '9–10', count: sum(9, 10), colour: promoterColour },
    { name: w.passives, range: '7–8', count: sum(7, 8), colour: passiveColour },
    { name: w.detractors, range: '0–6', count: sum(0, 6), colour: detractorColour },
  ];
  const score = total > 0 ? signed(t?.recommendScore ?? 0) : '—';
  const x = width - side + 24;
  const sideWidth = side - 24 - pad;
  let y = top;
  let body = plot.body;
  const caption = wrapText(w.recommendScore, sideWidth, smallSize, 2, true);
  body += linesAt(x, y + smallSize, caption, { size: smallSize, bold: true });
  y += caption.length * smallSize * lineHeight + 8;
  const scoreSize = Math.min(150, sideWidth / (length(score) * boldGlyph));
  body += textAt(x, y + scoreSize * 0.85, score, { size: scoreSize, bold: true });
  y += scoreSize * 0.95;
  const how = wrapText(w.recommendHow, sideWidth, 28, 2);
  body += linesAt(x, y + 28, how, { size: 28, fill: muted });
  y += how.length * 28 * lineHeight + 20;
  const gx = x;
  for (const g of groups) {
    body += rect(gx, y + 6, 28, 28, g.colour);
    const name = wrapText(`${g.name} ${g.range}`, sideWidth - 40, smallSize, 2);
    body += linesAt(gx + 40, y + smallSize * 0.9, name, { size: smallSize });
    const valueY = y + smallSize * (0.9 + name.length * lineHeight);
    body += textAt(gx + 40, valueY, `${g.count} · ${percentOf(g.count, total)}%`, { size: smallSize, bold: true });
    y += (name.length + 1) * smallSize * lineHeight + 10;
  }
  const desc = [
    `${w.recommendScore}: ${score}`,
    groups.map((g) => `${g.name} (${g.range}): ${g.count} (${percentOf(g.count, total)}%)`).join(', '),
    plot.desc,
  ].join('. ');
  return { height: Math.max(plot.height, y - top), body, desc };
}

function signed(score: number): string {
  return score > 0 ? `+${score}` : score < 0 ? `−${-score}` : '0';
}

// LIKERT: the levels' legend, then per statement its words and a bar of 100%, each level's
// share in its colour from disagree to agree, with its percentage written on it when it fits.
function likert(q: ChartQuestion, t: ChartTally | undefined, _w: ChartWords, width: number, top: number): Drawn {
  const colours = likertColours(q.options.length);
  const rows = likertRows(q, t);
  const inner = width - 2 * pad;
  let y = top;
  let body = '';
  // The legend: a swatch and the level's name, flowing into lines.
  let x = pad;
  const legendSize = smallSize;
  q.options.forEach((level, i) => {
    const name = wrapText(level, inner - 48, legendSize, 1)[0] ?? '';
    const itemWidth = 40 + widthOf(name, legendSize) + 36;
    if (x > pad && x + itemWidth > width - pad) {
      x = pad;
      y += legendSize * 1.5;
    }
    body += rect(x, y + 4, 30, 30, colours[i]!, ` stroke="${ink}" stroke-width="1"`);
    body += textAt(x + 40, y + legendSize * 0.85, name, { size: legendSize });
    x += itemWidth;
  });
  y += legendSize * 1.5 + 20;
  const descRows: string[] = [];
  rows.forEach((counts, s) => {
    const statement = q.statements[s] ?? '';
    const lines = wrapText(statement, inner, bodySize, 2);
    body += linesAt(pad, y + bodySize, lines, { size: bodySize });
    y += lines.length * bodySize * lineHeight + 6;
    const shares = sharesOf(counts);
    const segments = stack(counts, inner);
    const barHeight = 58;
    body += rect(pad, y, inner, barHeight, white, ` stroke="${ink}" stroke-width="2"`);
    segments.forEach((seg, l) => {
      if (seg.w <= 0) return;
      body += rect(pad + seg.x, y, seg.w, barHeight, colours[l]!, ` stroke="${white}" stroke-width="3"`);
      const label = `${shares[l]}%`;
      if (widthOf(label, 32, true) + 12 <= seg.w) {
        body += textAt(pad + seg.x + seg.w / 2, y + barHeight / 2 + 11.5, label, {
          size: 32,
          bold: true,
          fill: textOn(colours[l]!),
          anchor: 'middle',
        });
      }
    });
    y += barHeight + 22;
    const total = counts.reduce((a, b) => a + b, 0);
    descRows.push(
      `${statement}: ${q.options.map((o, l) => `${o} ${counts[l]} (${shares[l]}%)`).join(', ')}; n = ${total}`,
    );
  });
  return { height: y - top, body, desc: descRows.join('. ') };
}

// WORDS: a cloud laid out in rows, biggest first, each word sized by its count (with the count
// beside it), so the same tally always draws the same cloud.
function cloud(_q: ChartQuestion, t: ChartTally | undefined, w: ChartWords, width: number, top: number): Drawn {
  const words = [...(t?.words ?? [])]
    .filter((x) => x.count > 0)
    .sort((a, b) => b.count - a.count || (a.word < b.word ? -1 : a.word > b.word ? 1 : 0));
  if (words.length === 0) {
    return {
      height: 120,
      body: textAt(width / 2, top + 70, w.noWordsYet, { size: bodySize, fill: muted, anchor: 'middle' }),
      desc: w.noWordsYet,
    };
  }
  const most = words[0]!.count;
  const least = words[words.length - 1]!.count;
  const inner = width - 2 * pad;
  const sized = words.map((x, i) => {
    const share = most === least ? 1 : Math.sqrt((x.count - least) / (most - least));
    let size = 38 + share * 72;
    const word = wrapText(x.word, inner, size, 1, true)[0] ?? '';
    const countSize = Math.max(28, size * 0.45);
    let itemWidth = widthOf(word, size, true) + 8 + widthOf(String(x.count), countSize) + 40;
    if (itemWidth > inner) {
      size = (size * inner) / itemWidth;
      itemWidth = inner;
    }
    return {
      word,
      count: x.count,
      size,
      countSize: Math.max(28, size * 0.45),
      itemWidth,
      colour: wordColours[i % wordColours.length]!,
    };
  });
  const rows: (typeof sized)[] = [];
  let row: typeof sized = [];
  let used = 0;
  for (const item of sized) {
    if (row.length > 0 && used + item.itemWidth > inner) {
      rows.push(row);
      row = [];
      used = 0;
    }
    row.push(item);
    used += item.itemWidth;
  }
  if (row.length > 0) rows.push(row);
  let y = top;
  let body = '';
  for (const r of rows) {
    const tallest = Math.max(...r.map((item) => item.size));
    const rowWidth = r.reduce((a, item) => a + item.itemWidth, 0) - 40;
    let x = pad + (inner - rowWidth) / 2;
    const baseline = y + tallest * 0.9;
    for (const item of r) {
      body +=
        `<text x="${r1(x)}" y="${r1(baseline)}" font-size="${r1(item.size)}" font-weight="700" fill="${item.colour}">` +
        `${escapeXml(item.word)}<tspan dx="8" font-size="${r1(item.countSize)}" font-weight="400" fill="${muted}">${item.count}</tspan></text>`;
      x += item.itemWidth;
    }
    y += tallest * 1.2;
  }
  return { height: y - top + 10, body, desc: words.map((x) => `${x.word}: ${x.count}`).join(', ') };
}

// OPEN: the count alone (the texts are listed by the pages, not drawn).
function openCount(_q: ChartQuestion, t: ChartTally | undefined, w: ChartWords, width: number, top: number): Drawn {
  const n = answeredOf(t);
  const body =
    textAt(width / 2, top + 170, String(n), { size: 200, bold: true, anchor: 'middle' }) +
    textAt(width / 2, top + 240, w.answerCount(n), { size: bodySize + 8, fill: muted, anchor: 'middle' });
  return { height: 280, body, desc: w.answerCount(n) };
}

const layouts: Record<PollQuestionType, Layout> = {
  [PollQuestionType.UNSPECIFIED]: openCount,
  [PollQuestionType.SINGLE]: choiceBars,
  [PollQuestionType.MULTIPLE]: choiceBars,
  [PollQuestionType.SCALE]: scaleColumns,
  [PollQuestionType.LIKERT]: likert,
  [PollQuestionType.RECOMMEND]: recommend,
  [PollQuestionType.OPEN]: openCount,
  [PollQuestionType.WORDS]: cloud,
};

const minWidth = 1000;
const maxWidth = 3600;

function draw(q: ChartQuestion, t: ChartTally | undefined, w: ChartWords, width: number, heading: boolean): Chart {
  let y = pad;
  let head = '';
  if (heading) {
    const lines = wrapText(q.prompt, width - 2 * pad, 48, 4, true);
    head += linesAt(pad, y + 48, lines, { size: 48, bold: true });
    y += lines.length * 48 * lineHeight + 16;
  }
  const summary = w.answerCount(answeredOf(t));
  if (q.type !== PollQuestionType.OPEN) {
    head += textAt(pad, y + smallSize, summary, { size: smallSize, fill: muted });
    y += smallSize * 1.6;
  }
  const drawn = (layouts[q.type] ?? openCount)(q, t, w, width, y);
  const height = Math.ceil(y + drawn.height + pad);
  const desc = q.type === PollQuestionType.OPEN ? drawn.desc : `${summary}. ${drawn.desc}`;
  const inner = `<title>${escapeXml(w.chartOf(q.prompt))}</title><desc>${escapeXml(desc)}</desc>` + head + drawn.body;
  return { width, height, svg: inner };
}

function chooseWidth(q: ChartQuestion, t: ChartTally | undefined, w: ChartWords, o: ChartOptions): number {
  if (o.aspect === undefined || !(o.aspect > 0)) return o.width ?? 1600;
  // The height depends on the width (lines wrap): a few rounds settle it.
  let width = 1600;
  for (let i = 0; i < 3; i++) {
    const { height } = draw(q, t, w, width, o.heading ?? false);
    width = Math.round(Math.min(maxWidth, Math.max(minWidth, height * o.aspect)));
  }
  return width;
}

// The chart as an <svg> element for a page: it scales to its box (CSS sizes it).
export function chartSvg(q: ChartQuestion, t: ChartTally | undefined, w: ChartWords, o: ChartOptions = {}): Chart {
  const c = draw(q, t, w, chooseWidth(q, t, w, o), o.heading ?? false);
  return {
    ...c,
    svg:
      `<svg class="poll-chart-svg" viewBox="0 0 ${c.width} ${c.height}" role="img" ` +
      `preserveAspectRatio="xMidYMid meet">${c.svg}</svg>`,
  };
}

// The chart as a file of its own (the export): the prompt above it, a white background, its
// size in pixels, the fonts named.
export function chartFile(q: ChartQuestion, t: ChartTally | undefined, w: ChartWords, width = 1600): string {
  const c = draw(q, t, w, width, true);
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    `<svg xmlns="http://www.w3.org/2000/svg" width="${c.width}" height="${c.height}" viewBox="0 0 ${c.width} ${c.height}" ` +
    `role="img" font-family="system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', Ubuntu, sans-serif">` +
    rect(0, 0, c.width, c.height, white) +
    c.svg +
    '</svg>\n'
  );
}
