// What the console's zip of the workshop holds, and the zip itself: every activity's files
// (Activity.exportFiles), the export as the server wrote it (workshop.json), the report as one
// HTML file and the workshop's plan as a template (template.LANG.json, docs/templates.md: the
// organizer page creates a workshop from it, here or on another server). Pure, apart from loading the activities' builders; the button's side (fetching,
// downloading) is zipExport.ts. Tested in test/zip-export.test.ts.

import { strToU8, type Zippable, zipSync } from 'fflate';
import type { Activity, ExportFile } from '../../activities/activity';
import { activities } from '../../activities/registry';
import type { Language } from '../../i18n/i18n';
import { field, num, parseJsonObject, str, templateFile } from './exportFile';
import { reportHtml } from './reportHtml';

// The zip's texts are in the workshop's language, as the report is; a workshop in another
// language gets the console's.
export function zipLanguage(exported: string, fallback: Language): Language {
  const language = str(field(parseJsonObject(exported), 'workshop'), 'language')
    .slice(0, 2)
    .toLowerCase();
  return language === 'es' || language === 'en' ? language : fallback;
}

// campana-ABC234-2026-12-02.zip: the day of the export, in the console's time zone.
export function zipName(code: string, exported: string): string {
  const d = new Date(num(parseJsonObject(exported), 'exported_at_ms') || Date.now());
  const two = (n: number) => String(n).padStart(2, '0');
  return `campana-${code}-${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}.zip`;
}

export async function buildZipFiles(
  exported: string,
  language: Language,
  from: readonly Activity[] = activities,
): Promise<ExportFile[]> {
  const builders = await Promise.all(from.flatMap((a) => (a.exportFiles ? [a.exportFiles()] : [])));
  const files = builders.flatMap((build) => build(exported, language));
  return [
    ...files,
    { name: 'workshop.json', content: exported },
    { name: 'report.html', content: reportHtml(exported, files, language) },
    ...templateFile(exported),
  ];
}

// Text as UTF-8 (the CSV files carry their byte order mark already).
export function zipBytes(files: readonly ExportFile[]): Uint8Array<ArrayBuffer> {
  const entries: Zippable = {};
  for (const f of files) entries[f.name] = typeof f.content === 'string' ? strToU8(f.content) : f.content;
  return zipSync(entries, { level: 6 });
}
