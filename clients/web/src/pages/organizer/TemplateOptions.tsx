import type { TemplateSummary } from '../../gen/campana/v1/organizer_pb';
import { useMessages } from '../../i18n/i18n';
import { useOrganizerMessages } from './messages';

// The server's templates as a select's options, each valued by its index: "title · language ·
// items (name)".
export function TemplateOptions({ templates }: { templates: readonly TemplateSummary[] }) {
  const m = useOrganizerMessages();
  const shared = useMessages();
  const languageName = (code: string) =>
    code === 'es' ? shared.languageSpanish : code === 'en' ? shared.languageEnglish : code;
  return (
    <>
      {templates.map((t, i) => (
        <option key={`${t.name}.${t.language}`} value={String(i)}>
          {m.templateOption(t.title, languageName(t.language), t.name, t.agendaItems)}
        </option>
      ))}
    </>
  );
}
