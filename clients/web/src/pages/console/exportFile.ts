// Reading the workshop's export (the protobuf JSON mapping, fetched by net/fetchExport.ts) and
// turning it into files, shared by the console's downloads and the report. The export is read
// as plain JSON, not through the protobuf runtime's JSON codec, which would add
// its weight to the code every page (a phone too) loads first. The pure parts (reading fields,
// writing CSV) are unit-tested with each activity's spreadsheet.

import type { ExportFile, ExportReportPart } from '../../activities/activity';

export type Json = Record<string, unknown>;

// A field by its .proto name or its lowerCamelCase JSON name (the server writes the former).
export function field(o: unknown, name: string): unknown {
  if (typeof o !== 'object' || o === null) return undefined;
  const rec = o as Json;
  return rec[name] ?? rec[name.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase())];
}
// Absent fields (the mapping leaves defaults out) are their defaults; 64-bit numbers come as
// strings.
export const num = (o: unknown, name: string): number => {
  const v = field(o, name);
  return typeof v === 'number' ? v : typeof v === 'string' && v !== '' ? Number(v) : 0;
};
export const str = (o: unknown, name: string): string => {
  const v = field(o, name);
  return typeof v === 'string' ? v : '';
};
export const bool = (o: unknown, name: string): boolean => field(o, name) === true;
// Read-only: the lists are the parsed export's own (parseJsonObject shares it).
export const list = (o: unknown, name: string): readonly unknown[] => {
  const v = field(o, name);
  return Array.isArray(v) ? (v as unknown[]) : [];
};

// The export is parsed once however many readers ask: the report's every section, the zip's
// every file. The last text parsed and its object are kept, and the object is shared, so that
// a reader reads it and never changes it (list() hands out read-only arrays).
let lastParsed: { json: string; object: Readonly<Json> } | undefined;

export function parseJsonObject(json: string): Readonly<Json> {
  if (lastParsed?.json === json) return lastParsed.object;
  const parsed: unknown = JSON.parse(json);
  const object = typeof parsed === 'object' && parsed !== null ? (parsed as Json) : {};
  lastParsed = { json, object };
  return object;
}

// Some of the export's fields, as JSON, as the server wrote them.
export function jsonPart(raw: Json, keys: readonly string[]): string {
  const out: Json = {};
  for (const key of keys) {
    const value = field(raw, key);
    if (value !== undefined) out[key] = value;
  }
  return `${JSON.stringify(out, null, 2)}\n`;
}

// The export's as_template, as a file of its own (template.LANG.json, docs/templates.md): the
// zip holds it, and the agenda editor saves it alone. None from a server that does not write it.
export function templateFile(exported: string): ExportFile[] {
  const plan = field(parseJsonObject(exported), 'as_template');
  if (typeof plan !== 'object' || plan === null) return [];
  const language = str(plan, 'language') || 'es';
  return [{ name: `template.${language}.json`, content: `${JSON.stringify(plan, null, 2)}\n` }];
}

// One field (RFC 4180): quoted when it holds a comma, a quote or a line break, its quotes doubled.
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

// The file: a byte order mark (so that spreadsheets read it as UTF-8), lines ending in CRLF.
export function csvText(rows: readonly (readonly string[])[]): string {
  return `\uFEFF${rows.map((r) => r.map(csvField).join(',')).join('\r\n')}\r\n`;
}

// A time as spreadsheets read it, in the console's time zone: 2026-12-02 10:05:09.
export function localTime(ms: number): string {
  const d = new Date(ms);
  const two = (n: number) => String(n).padStart(2, '0');
  return (
    `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())} ` +
    `${two(d.getHours())}:${two(d.getMinutes())}:${two(d.getSeconds())}`
  );
}

// A spreadsheet of the console's zip (activity.ts: ExportFile), and its part of the zip's report.
export function csvFile(name: string, rows: readonly (readonly string[])[], report?: ExportReportPart): ExportFile {
  return report ? { name, content: csvText(rows), report } : { name, content: csvText(rows) };
}

// The participants' names by id: files name people, never ids.
export function participantNames(raw: Json): Map<number, string> {
  return new Map(list(raw, 'participants').map((p) => [num(p, 'id'), str(p, 'display_name')]));
}

// Saves `content` as a file named `name` (the browser's download).
export function downloadFile(name: string, content: string | Uint8Array<ArrayBuffer>, type: string): void {
  const link = document.createElement('a');
  link.href = URL.createObjectURL(new Blob([content], { type }));
  link.download = name;
  document.body.appendChild(link);
  link.click();
  link.remove();
  URL.revokeObjectURL(link.href);
}
