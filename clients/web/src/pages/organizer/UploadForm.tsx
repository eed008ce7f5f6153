import { useId, useRef, useState } from 'preact/hooks';
import type { TemplateProblem, WorkshopCreatedReply } from '../../gen/campana/v1/organizer_pb';
import { Notice } from '../../ui/Chrome';
import type { OrganizerApi } from './api';
import { FeedbackLine } from './FeedbackLine';
import { useOrganizerMessages } from './messages';
import type { Organizer } from './useOrganizer';

type Result = { problems: TemplateProblem[] } | { created: WorkshopCreatedReply };

// The server checks the template first and lists every problem; only a template without any is
// sent again to create the workshop.
async function checkThenCreate(api: OrganizerApi, templateJson: string): Promise<Result> {
  const { problems } = await api.checkTemplate(templateJson);
  if (problems.length > 0) return { problems };
  return { created: await api.uploadTemplate(templateJson) };
}

// "Create from a template file": a template of one's own, as in deploy/templates.
export function UploadForm({ org }: { org: Organizer }) {
  const m = useOrganizerMessages();
  const form = useRef<HTMLFormElement>(null);
  const file = useRef<HTMLInputElement>(null);
  const hint = useId();
  // What is wrong before anything is sent: no file, or not JSON at all.
  const [local, setLocal] = useState<'chooseFile' | 'notJson'>();

  const submit = async () => {
    setLocal(undefined);
    const chosen = file.current?.files?.[0];
    if (!chosen) {
      setLocal('chooseFile');
      return;
    }
    const text = await chosen.text();
    try {
      JSON.parse(text);
    } catch {
      setLocal('notJson');
      return;
    }
    const outcome = await org.act((api) => checkThenCreate(api, text), {
      where: 'upload',
      done: (result) =>
        'problems' in result
          ? { problems: result.problems }
          : {
              created: result.created,
              say: (m) => m.createdNotice(result.created.workshop?.title ?? '', result.created.workshop?.code ?? ''),
            },
    });
    if (outcome.ok && 'created' in outcome.value) form.current?.reset();
  };

  return (
    <section class="panel org-upload" aria-labelledby="org-upload">
      <h2 id="org-upload">{m.uploadHeading}</h2>
      <p id={hint} class="muted">
        {m.uploadHint}
      </p>
      <form
        ref={form}
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <label class="field">
          <span>{m.templateFile}</span>
          <input ref={file} type="file" accept=".json,application/json" aria-describedby={hint} />
        </label>
        <button type="submit" disabled={org.busy}>
          {m.checkAndCreate}
        </button>
      </form>
      {local && <Notice onClose={() => setLocal(undefined)}>{m[local]}</Notice>}
      <FeedbackLine feedback={org.feedback} where="upload" onClose={org.dismiss} />
    </section>
  );
}
