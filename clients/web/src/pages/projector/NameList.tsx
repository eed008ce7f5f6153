import type { Participant } from '../../gen/campana/v1/docs_pb';

// People's names as a list the scene's frame may page (data-fit-list); those not connected
// are shown dimmed.
export function NameList({ people, class: className }: { people: Participant[]; class: string }) {
  return (
    <ul class={className} data-fit-list>
      {people.map((p) => (
        <li key={p.id} class={`said name ${p.connected ? '' : 'away'}`}>
          {p.displayName}
        </li>
      ))}
    </ul>
  );
}
