import { describe, expect, it } from 'vitest';
import { PollQuestionType } from '../src/gen/campana/v1/poll_enums';
import {
  type ChartQuestion,
  type ChartTally,
  type ChartWords,
  chartFile,
  chartSvg,
  escapeXml,
  likertColours,
  likertRows,
  recommendColour,
  recommendGroup,
  sharesOf,
  scalePoints,
  stack,
  textOn,
  wrapText,
} from '../src/activities/poll/screenCharts';

const words: ChartWords = {
  chartOf: (p) => `Resultados: ${p}`,
  answerCount: (n) => (n === 1 ? '1 respuesta' : `${n} respuestas`),
  other: 'Otro',
  mean: (v) => `Promedio: ${v}`,
  severalEach: 'Varias opciones por persona',
  detractors: 'Detractores',
  passives: 'Pasivos',
  promoters: 'Promotores',
  recommendScore: 'Puntuación de recomendación',
  recommendHow: '% de promotores menos % de detractores',
  noWordsYet: 'Aún no hay palabras.',
  noAnswersYet: 'Aún no hay respuestas.',
  decimal: (v) => v.toFixed(1).replace('.', ','),
};

function question(patch: Partial<ChartQuestion>): ChartQuestion {
  return {
    type: PollQuestionType.SINGLE,
    prompt: 'Pregunta',
    options: [],
    allowOther: false,
    scaleMin: 0,
    scaleMax: 0,
    scaleStep: 0,
    minLabel: '',
    maxLabel: '',
    statements: [],
    ...patch,
  };
}

function tally(patch: Partial<ChartTally>): ChartTally {
  return { answered: 0, counts: [], recommendScore: 0, words: [], ...patch };
}

// The texts an SVG string draws, unescaped, in order.
function texts(svg: string): string[] {
  return [...svg.matchAll(/<text[^>]*>(.*?)<\/text>/g)].map((m) =>
    m[1]!
      .replace(/<[^>]+>/g, '')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/&amp;/g, '&'),
  );
}

// The well-formedness that matters here: no raw markup from the data, every tag closed.
function parsesAsXml(svg: string): boolean {
  const stack: string[] = [];
  for (const m of svg.matchAll(/<(\/?)([a-zA-Z]+)([^>]*?)(\/?)>/g)) {
    const [, close, name, , self] = m;
    if (self) continue;
    if (close) {
      if (stack.pop() !== name) return false;
    } else stack.push(name!);
  }
  return stack.length === 0;
}

describe('poll charts', () => {
  it('escapes what people typed, and drops what XML cannot hold', () => {
    expect(escapeXml(`<script>"a" & 'b'</script>`)).toBe(
      '&lt;script&gt;&quot;a&quot; &amp; &#39;b&#39;&lt;/script&gt;',
    );
    expect(escapeXml('a\u0000b\u0008c\ufffed\ud800e')).toBe('abcde');
    expect(escapeXml('tab\tline\nemoji 🎉')).toBe('tab\tline\nemoji 🎉');
    const q = question({
      prompt: '</title><script>alert(1)</script>',
      options: ['<b>Sí</b>', 'No & "quizá"'],
      allowOther: true,
    });
    const { svg } = chartSvg(q, tally({ answered: 3, counts: [1, 1, 1] }), words);
    expect(svg).not.toContain('<script>');
    expect(svg).not.toContain('<b>');
    expect(svg).toContain('&lt;/title&gt;&lt;script&gt;');
    expect(parsesAsXml(svg)).toBe(true);
    expect(texts(svg)).toContain('<b>Sí</b>');
    expect(texts(svg)).toContain('No & "quizá"');
  });

  it('is an image with a title and a description in words, and a viewBox to scale', () => {
    const q = question({ options: ['Sí', 'No'], prompt: '¿Seguimos?' });
    const { svg, width, height } = chartSvg(q, tally({ answered: 3, counts: [2, 1] }), words);
    expect(svg).toMatch(/^<svg [^>]*role="img"/);
    expect(svg).toContain(`viewBox="0 0 ${width} ${height}"`);
    expect(svg).toContain('<title>Resultados: ¿Seguimos?</title>');
    expect(svg).toContain('<desc>3 respuestas. Sí: 2 · 67%. No: 1 · 33%</desc>');
    expect(svg).not.toContain('xmlns'); // inline in a page
  });

  it('writes a file with its namespace, its size, a white ground and the prompt', () => {
    const q = question({ options: ['Sí', 'No'], prompt: '¿Seguimos?' });
    const file = chartFile(q, tally({ answered: 1, counts: [1, 0] }), words);
    expect(file.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg" ')).toBe(
      true,
    );
    expect(file).toMatch(/width="1600" height="\d+"/);
    expect(file).toContain('fill="#ffffff"');
    expect(texts(file)[0]).toBe('¿Seguimos?');
    expect(parsesAsXml(file.slice(file.indexOf('<svg')))).toBe(true);
  });

  it('puts counts and percentages on the bars; "other" last; several choices are % of people', () => {
    const single = question({ options: ['A', 'B', 'C'], allowOther: true });
    const drawn = texts(chartSvg(single, tally({ answered: 6, counts: [3, 2, 0, 1] }), words).svg);
    expect(drawn).toEqual(expect.arrayContaining(['A', 'B', 'C', 'Otro', '3 · 50%', '2 · 33%', '0 · 0%', '1 · 17%']));
    expect(drawn.indexOf('Otro')).toBeGreaterThan(drawn.indexOf('C'));
    const multiple = question({ type: PollQuestionType.MULTIPLE, options: ['A', 'B'] });
    const many = texts(chartSvg(multiple, tally({ answered: 4, counts: [4, 3] }), words).svg);
    expect(many).toEqual(expect.arrayContaining(['4 · 100%', '3 · 75%', 'Varias opciones por persona']));
  });

  it('rounds each percentage alone, so that equal counts read alike', () => {
    expect(sharesOf([1, 1, 1])).toEqual([33, 33, 33]);
    expect(sharesOf([2, 1])).toEqual([67, 33]);
    expect(sharesOf([0, 0])).toEqual([0, 0]);
    expect(sharesOf([1, 0, 1, 0, 1, 0, 1, 2, 1, 1, 0])).toEqual([13, 0, 13, 0, 13, 0, 13, 25, 13, 13, 0]);
  });

  it('draws a scale point by point, with its ends and its mean', () => {
    const q = question({
      type: PollQuestionType.SCALE,
      scaleMin: 1,
      scaleMax: 5,
      scaleStep: 1,
      minLabel: 'Nada cómodos',
      maxLabel: 'Muy cómodos',
    });
    expect(scalePoints(q)).toEqual([1, 2, 3, 4, 5]);
    expect(scalePoints(question({ type: PollQuestionType.SCALE }))).toEqual([1, 2, 3, 4, 5]);
    expect(scalePoints(question({ scaleMin: 0, scaleMax: 10, scaleStep: 5 }))).toEqual([0, 5, 10]);
    const drawn = texts(chartSvg(q, tally({ answered: 5, counts: [1, 0, 2, 1, 1] }), words).svg);
    expect(drawn).toEqual(
      expect.arrayContaining(['1', '2', '3', '4', '5', 'Nada cómodos', 'Muy cómodos', '40%', 'Promedio: 3,2']),
    );
  });

  it('colours 0-10 as detractors, passives and promoters, and writes the score big with its groups', () => {
    expect([0, 6, 7, 8, 9, 10].map(recommendGroup)).toEqual([
      'detractor',
      'detractor',
      'passive',
      'passive',
      'promoter',
      'promoter',
    ]);
    expect(recommendColour(6)).not.toBe(recommendColour(7));
    expect(recommendColour(8)).not.toBe(recommendColour(9));
    const q = question({ type: PollQuestionType.RECOMMEND });
    // 2 detractors, 1 passive, 3 promoters of 6: 50% - 33% = +17.
    const counts = [0, 0, 1, 0, 0, 1, 0, 1, 0, 2, 1];
    const { svg } = chartSvg(q, tally({ answered: 6, counts, recommendScore: 17 }), words);
    const drawn = texts(svg);
    expect(drawn).toContain('+17');
    expect(drawn).toEqual(
      expect.arrayContaining(['Promotores 9–10', '3 · 50%', 'Pasivos 7–8', '1 · 17%', 'Detractores 0–6', '2 · 33%']),
    );
    // Each column in its group's colour: 0-6 one colour, 7-8 another, 9-10 a third.
    const fills = [...svg.matchAll(/<rect [^>]*height="[^"]*" fill="(#[0-9a-f]{6})"\/>/g)].map((m) => m[1]);
    expect(fills.slice(0, 11)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map(recommendColour));
    const negative = texts(chartSvg(q, tally({ answered: 1, counts: [1], recommendScore: -100 }), words).svg);
    expect(negative).toContain('−100');
    expect(texts(chartSvg(q, undefined, words).svg)).toContain('—');
  });

  it('stacks each Likert statement to exactly 100%, from disagree to agree', () => {
    const q = question({
      type: PollQuestionType.LIKERT,
      options: ['Totalmente en desacuerdo', 'En desacuerdo', 'Neutral', 'De acuerdo', 'Totalmente de acuerdo'],
      statements: ['He aprendido', 'Lo recomendaría'],
    });
    const t = tally({ answered: 3, counts: [0, 1, 0, 1, 1, 1, 1, 1, 0, 0] });
    expect(likertRows(q, t)).toEqual([
      [0, 1, 0, 1, 1],
      [1, 1, 1, 0, 0],
    ]);
    for (const row of likertRows(q, t)) {
      const segments = stack(row, 1552);
      const sum = segments.reduce((a, s) => a + s.w, 0);
      expect(sum).toBeCloseTo(1552, 9);
      expect(segments[segments.length - 1]!.x + segments[segments.length - 1]!.w).toBeCloseTo(1552, 9);
    }
    expect(stack([0, 0, 0], 100).every((s) => s.w === 0)).toBe(true);
    const drawn = texts(chartSvg(q, t, words).svg);
    expect(drawn).toEqual(expect.arrayContaining(['He aprendido', 'Lo recomendaría', 'Neutral', '33%']));
    const colours = likertColours(5);
    expect(colours[0]).toBe('#b3261e');
    expect(colours[4]).toBe('#1d3557');
    expect(new Set(colours).size).toBe(5);
    for (let n = 2; n <= 7; n++) expect(new Set(likertColours(n)).size).toBe(n);
  });

  it('writes text on a coloured bar in a colour that contrasts with it (4.5:1 or more)', () => {
    const luminance = (hex: string) => {
      const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);
      const lin = (v: number) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
      return 0.2126 * lin(r!) + 0.7152 * lin(g!) + 0.0722 * lin(b!);
    };
    const contrast = (a: string, b: string) => {
      const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
      return (x! + 0.05) / (y! + 0.05);
    };
    for (let n = 2; n <= 7; n++) {
      for (const fill of likertColours(n)) expect(contrast(fill, textOn(fill))).toBeGreaterThanOrEqual(4.5);
    }
    for (let p = 0; p <= 10; p++) expect(contrast(recommendColour(p), '#ffffff')).toBeGreaterThanOrEqual(4.5);
  });

  it('lays a word cloud out the same way every time, biggest first, with the counts', () => {
    const q = question({ type: PollQuestionType.WORDS });
    const t = tally({
      answered: 4,
      words: [
        { word: 'confianza', count: 1 },
        { word: 'innovación', count: 4 },
        { word: 'equipo', count: 2 },
      ],
    });
    const a = chartSvg(q, t, words).svg;
    expect(chartSvg(q, t, words).svg).toBe(a);
    const drawn = texts(a);
    expect(drawn.slice(1)).toEqual(['innovación4', 'equipo2', 'confianza1']);
    const sizes = [...a.matchAll(/font-size="([\d.]+)" font-weight="700" fill/g)].map((m) => Number(m[1]));
    expect(sizes[0]).toBeGreaterThan(sizes[1]!);
    expect(sizes[1]).toBeGreaterThan(sizes[2]!);
  });

  it('draws an open question as its count', () => {
    const q = question({ type: PollQuestionType.OPEN });
    expect(texts(chartSvg(q, tally({ answered: 23 }), words).svg)).toEqual(['23', '23 respuestas']);
  });

  it('draws empty tallies (no tally yet, or nobody answered) without NaN', () => {
    const kinds: ChartQuestion[] = [
      question({ options: ['A', 'B'], allowOther: true }),
      question({ type: PollQuestionType.MULTIPLE, options: ['A', 'B'] }),
      question({ type: PollQuestionType.SCALE, scaleMin: 1, scaleMax: 5, scaleStep: 1 }),
      question({ type: PollQuestionType.LIKERT, options: ['No', 'Sí'], statements: ['Uno'] }),
      question({ type: PollQuestionType.RECOMMEND }),
      question({ type: PollQuestionType.OPEN }),
      question({ type: PollQuestionType.WORDS }),
    ];
    for (const q of kinds) {
      for (const t of [undefined, tally({})]) {
        const { svg, height } = chartSvg(q, t, words);
        expect(svg).not.toContain('NaN');
        expect(svg).not.toContain('Infinity');
        expect(height).toBeGreaterThan(0);
        expect(parsesAsXml(svg)).toBe(true);
      }
    }
    expect(texts(chartSvg(kinds[0]!, undefined, words).svg)).toEqual(
      expect.arrayContaining(['0 respuestas', '0 · 0%']),
    );
    expect(texts(chartSvg(kinds[6]!, undefined, words).svg)).toContain('Aún no hay palabras.');
  });

  it('wraps long labels into lines and cuts the last with an ellipsis', () => {
    expect(wrapText('uno dos tres', 1000, 40, 2)).toEqual(['uno dos tres']);
    const lines = wrapText('palabra '.repeat(40), 400, 40, 2);
    expect(lines).toHaveLength(2);
    expect(lines[1]!.endsWith('…')).toBe(true);
    expect(wrapText('x'.repeat(50), 230, 40, 3)).toEqual(['xxxxxxxxxx', 'xxxxxxxxxx', 'xxxxxxxxx…']);
  });

  it("fills a box's shape: a wide box gets a wider drawing", () => {
    const q = question({ options: ['A', 'B', 'C'] });
    const t = tally({ answered: 3, counts: [1, 1, 1] });
    const wide = chartSvg(q, t, words, { aspect: 3.5 });
    const tall = chartSvg(q, t, words, { aspect: 1.2 });
    expect(wide.width).toBeGreaterThan(tall.width);
    expect(wide.width / wide.height).toBeCloseTo(3.5, 0);
  });
});
