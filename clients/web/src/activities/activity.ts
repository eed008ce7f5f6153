// What an activity is to the pages: its views on the phone, the projector and the console,
// when it is on, and when its moments ring the bell. Each activity lives in its own folder
// under src/activities/ and is listed once in registry.ts; the three pages (the shells in
// src/pages/) show whatever the registry holds and name no activity themselves.

import type { FunctionComponent } from 'preact';
import { type Agenda_Activity, DocKind } from '../gen/campana/v1/docs_enums';
import { type Agenda_Item } from '../gen/campana/v1/docs_pb';
import type { Language } from '../i18n/i18n';
import type { Session } from '../session';
import type { View } from '../state/view';

export interface ViewProps {
  session: Session;
}

// The report (pages/report): the workshop's export as the server wrote it (protobuf JSON), and
// which part of the report is being drawn: the body, or the annex (the evaluation survey).
export interface ReportProps {
  exported: string;
  part: 'body' | 'annex';
}

export interface PhoneProps extends ViewProps {
  me: number; // the participant's id
}

// When a bell rings for an activity: a key that names the moment (it rings once per key) and
// the moment, in server time (ms). `ringsForTeam` says whether this device rings for a team.
export type BellMoments = (view: View, ringsForTeam: (teamId: number) => boolean) => [key: string, atMs: number][];

// A file of the console's zip of the workshop (pages/console/zipExport.ts): its path in the zip
// ("polls.csv", "charts/poll-1-q1.svg"), its content (text is written as UTF-8), and its part of
// the zip's report.html, if any. The report is read beyond the room, so an activity shows there
// what its section of the report page shows (no authors of notes or answers), not all its file.
export interface ExportFile {
  name: string;
  content: string | Uint8Array;
  report?: ExportReportPart;
}
// A table (its first row the header), or an SVG figure drawn inline.
export type ExportReportPart =
  { title: string; table: readonly (readonly string[])[] } | { title: string; svg: string };

// An activity's files from the export (the protobuf JSON, as the server wrote it), with their
// texts in `language`: none when it produced nothing.
export type ExportFilesBuilder = (exported: string, language: Language) => ExportFile[];

export interface Activity {
  // Short and stable; also the React key of its views.
  name: string;
  // On while the current agenda item is of this kind...
  agenda?: Agenda_Activity;
  // ...and whenever this says so. An activity with no `agenda` stands outside the run of
  // show: the phone puts it above the current item.
  active?: (view: View) => boolean;
  // The participant's part: shown while the activity is on.
  Phone?: FunctionComponent<PhoneProps>;
  // The room's scene: the projector shows the first activity on, in the registry's order.
  Projector?: FunctionComponent<ViewProps>;
  // The facilitators' panel: always there (it shows nothing until it has something to
  // control), the activities that are on first.
  Console?: FunctionComponent<ViewProps>;
  bells?: BellMoments;
  // Its section of the workshop's report, from the export: nothing when it produced nothing.
  Report?: FunctionComponent<ReportProps>;
  // Its files in the console's zip of the workshop: loaded only when the zip is made (a dynamic
  // import, so that no page's first load carries them).
  exportFiles?: () => Promise<ExportFilesBuilder>;
}

export function currentItem(view: View): Agenda_Item | undefined {
  const agenda = view.doc(DocKind.AGENDA);
  return agenda && agenda.current >= 0 ? agenda.items[agenda.current] : undefined;
}

export function isActive(activity: Activity, view: View): boolean {
  if (activity.agenda !== undefined && currentItem(view)?.activity === activity.agenda) return true;
  return activity.active?.(view) ?? false;
}
