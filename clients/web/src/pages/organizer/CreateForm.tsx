import { useId, useState } from 'preact/hooks';
import type { TemplateSummary } from '../../gen/campana/v1/organizer_pb';
import { language } from '../../i18n/i18n';
import { FeedbackLine } from './FeedbackLine';
import { useOrganizerMessages } from './messages';
import { TemplateOptions } from './TemplateOptions';
import type { Organizer } from './useOrganizer';
import { maxTitle } from './workshops';

// The template a workshop starts from: the first in the page's language, else the first.
function firstChoice(templates: readonly TemplateSummary[]): number {
  return Math.max(
    0,
    templates.findIndex((t) => t.language === language()),
  );
}

// "Create a workshop": one of the server's templates (deploy/templates/NAME.LANGUAGE.json), in
// its language, with the template's title or another.
export function CreateForm({ org }: { org: Organizer }) {
  const m = useOrganizerMessages();
  const templates = org.overview?.templates ?? [];
  const [chosen, setChosen] = useState<number>();
  const [title, setTitle] = useState('');
  const hint = useId();
  const index = chosen !== undefined && chosen < templates.length ? chosen : firstChoice(templates);
  const template = templates[index];

  const submit = async () => {
    if (!template) return;
    const outcome = await org.act((api) => api.createWorkshop(template.name, template.language, title), {
      where: 'create',
      done: (created) => ({
        created,
        say: (m) => m.createdNotice(created.workshop?.title ?? '', created.workshop?.code ?? ''),
      }),
    });
    if (outcome.ok) setTitle('');
  };

  return (
    <section class="panel org-create" aria-labelledby="org-create">
      <h2 id="org-create">{m.createHeading}</h2>
      {templates.length === 0 ? (
        <p>{m.noTemplates}</p>
      ) : (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void submit();
          }}
        >
          <label class="field">
            <span>{m.template}</span>
            <select value={String(index)} onChange={(e) => setChosen(Number(e.currentTarget.value))}>
              <TemplateOptions templates={templates} />
            </select>
          </label>
          <label class="field">
            <span>{m.titleOptional}</span>
            <input
              value={title}
              maxLength={maxTitle}
              placeholder={template?.title}
              aria-describedby={hint}
              onInput={(e) => setTitle(e.currentTarget.value)}
            />
          </label>
          <p id={hint} class="muted">
            {m.titleHint}
          </p>
          <button type="submit" class="primary" disabled={org.busy}>
            {m.create}
          </button>
        </form>
      )}
      <FeedbackLine feedback={org.feedback} where="create" onClose={org.dismiss} />
    </section>
  );
}
