import { useCallback, useEffect, useState } from 'preact/hooks';
import type { OrganizerOverview, TemplateProblem, WorkshopCreatedReply } from '../../gen/campana/v1/organizer_pb';
import { ApiFailure, type OrganizerApi } from './api';
import type { OrganizerMessages } from './messages';
import { forgetOrganizerKey } from './organizerKey';

// What the last action did, shown where it was asked for: `where` is "list", "create",
// "upload" or a workshop's code.
export interface Feedback {
  where: string;
  failure?: ApiFailure;
  say?: (m: OrganizerMessages) => string; // in the page's language, whichever it is by then
  created?: WorkshopCreatedReply; // a new workshop, with its links
  problems?: TemplateProblem[]; // a template's, as the check found them
}

export interface ActOptions<T> {
  where: string; // where a failure is shown, and what was done unless `done` says otherwise
  done?: (result: T) => Partial<Feedback> | undefined;
  refresh?: boolean; // reload the list afterwards (true unless the action changes nothing)
}

export type Outcome<T> = { ok: true; value: T } | { ok: false; failure: ApiFailure };

function asFailure(error: unknown): ApiFailure {
  if (error instanceof ApiFailure) return error;
  console.error('campana: organizer action failed', error);
  return new ApiFailure(0, 'unknown');
}

// The organizer page's state: the overview, the action running, the feedback, and whether the
// server refused the key (the key is then forgotten and the page gives way to the join page).
export function useOrganizer(api: OrganizerApi) {
  const [overview, setOverview] = useState<OrganizerOverview>();
  const [feedback, setFeedback] = useState<Feedback>();
  const [refused, setRefused] = useState(false);
  const [busy, setBusy] = useState(false);

  const refuse = useCallback((failure: ApiFailure) => {
    if (!failure.refusedKey) return false;
    forgetOrganizerKey();
    setRefused(true);
    return true;
  }, []);

  const refresh = useCallback(async () => {
    try {
      setOverview(await api.overview());
      return true;
    } catch (error) {
      const failure = asFailure(error);
      if (!refuse(failure)) setFeedback({ where: 'list', failure });
      return false;
    }
  }, [api, refuse]);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  // Runs one action at a time; afterwards the list is fetched again (a failed action too: the
  // list then shows what is true now, e.g. a workshop someone else deleted).
  const act = useCallback(
    async <T>(action: (api: OrganizerApi) => Promise<T>, options: ActOptions<T>): Promise<Outcome<T>> => {
      setBusy(true);
      setFeedback(undefined);
      let outcome: Outcome<T>;
      try {
        const value = await action(api);
        const said = options.done?.(value);
        if (said) setFeedback({ where: options.where, ...said });
        outcome = { ok: true, value };
      } catch (error) {
        const failure = asFailure(error);
        if (!refuse(failure)) setFeedback({ where: options.where, failure });
        outcome = { ok: false, failure };
      }
      if (options.refresh !== false && !(outcome.ok === false && outcome.failure.refusedKey)) await refresh();
      setBusy(false);
      return outcome;
    },
    [api, refresh, refuse],
  );

  const dismiss = useCallback(() => setFeedback(undefined), []);

  return { overview, feedback, refused, busy, act, refresh, dismiss };
}

export type Organizer = ReturnType<typeof useOrganizer>;
