import type { ComponentChildren } from 'preact';
import { useId } from 'preact/hooks';

export interface GuardedButtonProps {
  // Why the server would refuse the command now, in the page's language; undefined: it would not.
  why?: string | undefined;
  onClick: () => void;
  children: ComponentChildren;
  class?: string;
  // The accessible name, when the text alone does not say what it acts on.
  label?: string;
}

// A console button that is off, and says why, while its command would be refused: the reason is
// its tooltip (title) and a short line under it, which the button points to (aria-describedby),
// for screen readers and for a tablet, which has no hover.
export function GuardedButton({ why, onClick, children, class: className = '', label }: GuardedButtonProps) {
  const id = useId();
  return (
    <span class="guarded">
      <button
        type="button"
        class={className}
        disabled={why !== undefined}
        title={why}
        aria-label={label}
        aria-describedby={why !== undefined ? id : undefined}
        onClick={onClick}
      >
        {children}
      </button>
      {why !== undefined && (
        <span id={id} class="why">
          {why}
        </span>
      )}
    </span>
  );
}
