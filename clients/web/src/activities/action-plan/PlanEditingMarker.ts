import { useEffect, useRef } from 'preact/hooks';
import { ActionPlanField } from '../../gen/campana/v1/action_plan_enums';
import type { Session } from '../../session';

// The server drops a marker 90 s after it was last set; one sent again within 30 s is taken
// without a record (docs/protocol.md, "Who is editing"). So: again every 30 s while focused.
const renewEveryMs = 30_000;
// Moving from one field to the next is a blur and a focus: the "stopped" marker waits this long,
// so that a tab to the next field is one marker, not two.
const stopAfterMs = 400;

export interface EditingMarker {
  focus: (rowId: number, field: ActionPlanField) => void;
  blur: () => void;
}

// Says "I am editing this field" (MarkPlanEditing) while a field of plan (item, group) has the
// focus, and "I stopped" when none has. Markers are best effort: a refusal or a lost
// connection changes nothing on the page (the server's clock drops a stale marker).
export function useEditingMarker(session: Session, item: number, group: number): EditingMarker {
  const marked = useRef<{ rowId: number; field: ActionPlanField } | undefined>(undefined);
  const renew = useRef<number | undefined>(undefined);
  const stop = useRef<number | undefined>(undefined);
  // The connection, not the session: the session is a new object at every render of the page.
  const { connection } = session;
  const mark = (rowId: number, field: ActionPlanField) =>
    void connection.send({ case: 'markPlanEditing', value: { item, group, rowId, field } });

  // Leaving the plan (another item, another group) while editing: "I stopped".
  useEffect(
    () => () => {
      window.clearInterval(renew.current);
      window.clearTimeout(stop.current);
      if (marked.current) {
        marked.current = undefined;
        void connection.send({
          case: 'markPlanEditing',
          value: { item, group, rowId: 0, field: ActionPlanField.UNSPECIFIED },
        });
      }
    },
    [connection, item, group],
  );

  return {
    focus(rowId, field) {
      window.clearTimeout(stop.current);
      const same = marked.current?.rowId === rowId && marked.current.field === field;
      marked.current = { rowId, field };
      if (!same) mark(rowId, field);
      window.clearInterval(renew.current);
      renew.current = window.setInterval(() => mark(rowId, field), renewEveryMs);
    },
    blur() {
      window.clearInterval(renew.current);
      window.clearTimeout(stop.current);
      stop.current = window.setTimeout(() => {
        if (!marked.current) return;
        marked.current = undefined;
        mark(0, ActionPlanField.UNSPECIFIED);
      }, stopAfterMs);
    },
  };
}
