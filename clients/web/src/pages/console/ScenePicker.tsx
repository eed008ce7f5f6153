import { Scene } from '../../gen/campana/v1/common_enums';
import { DocKind } from '../../gen/campana/v1/docs_enums';
import type { Session } from '../../session';
import { Refusal, useCommand } from '../../ui/useCommand';
import { useConsoleMessages } from './messages';

// What the projector shows: following the agenda, or a scene the facilitator picks. The scene on
// now is the pressed one (from the agenda document, so every console agrees).
export function ScenePicker({ session }: { session: Session }) {
  const m = useConsoleMessages();
  const command = useCommand(session);
  const agenda = session.view.doc(DocKind.AGENDA);
  if (!agenda) return null;
  const scenes: [Scene, string][] = [
    [Scene.AUTO, m.sceneAuto],
    [Scene.JOIN, m.sceneJoin],
    [Scene.GROUPS, m.sceneGroups],
    [Scene.TIMERS, m.sceneTimers],
    [Scene.TITLE, m.sceneTitle],
  ];
  return (
    <section class="scene-picker" aria-labelledby="scene">
      <h2 id="scene">{m.scene}</h2>
      <div class="segmented" role="group" aria-labelledby="scene">
        {scenes.map(([scene, label]) => (
          <button
            key={scene}
            type="button"
            aria-pressed={agenda.scene === scene}
            onClick={() => void command.send({ case: 'showScene', value: { scene } })}
          >
            {label}
          </button>
        ))}
      </div>
      <Refusal command={command} />
    </section>
  );
}
