// The console's three ways to put answers on the projector: without names, with names, or
// off it again. `about` names what they show, for screen readers, when a panel has several.
export function ShowButtons({
  labels,
  onShow,
}: {
  labels: { show: string; withNames: string; hide: string };
  onShow: (show: boolean, withNames: boolean) => void;
}) {
  return (
    <div class="buttons">
      <button type="button" onClick={() => onShow(true, false)}>
        {labels.show}
      </button>
      <button type="button" onClick={() => onShow(true, true)}>
        {labels.withNames}
      </button>
      <button type="button" onClick={() => onShow(false, false)}>
        {labels.hide}
      </button>
    </div>
  );
}
