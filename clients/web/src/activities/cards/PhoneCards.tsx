import { DocKind } from '../../gen/campana/v1/docs_enums';
import { useRef, useState } from 'preact/hooks';
import { useCardsMessages } from './messages';
import { usePhoneCardsMessages } from './phoneMessages';
import type { Session } from '../../session';
import { Refusal, useCommand } from '../../ui/useCommand';
import type { CommandBody } from '../../net/connection';
import { Deadline } from '../../ui/Clocks';
import { cardsById, ReferenceOrder, ScoredOrder } from './CardParts';

interface Drag {
  id: number;
  from: number;
  to: number;
}

// The group's shared deck on a phone: drag a card by its handle, or use the up and down
// buttons (for keyboards and screen readers). The list itself is the primary control, so it is
// kept compact enough to fit a 360x640 screen with the lock button; the instructions fold. Every move is a command; the order shown is the
// server's, so all the group's phones agree.
export function PhoneCards({ session, me }: { session: Session; me: number }) {
  const m = useCardsMessages();
  const p = usePhoneCardsMessages();
  const command = useCommand(session);
  const [drag, setDrag] = useState<Drag | null>(null);
  const list = useRef<HTMLOListElement>(null);
  const deck = session.view.doc(DocKind.CARD_DECK);
  const self = session.view.doc(DocKind.PARTICIPANT, me);
  if (!deck || !self) return null;
  const cards = cardsById(deck);
  const mine = session.view.doc(DocKind.CARD_GROUP, self.group);
  const results = session.view.doc(DocKind.CARD_RESULTS);

  const send = (body: CommandBody) => void command.send(body);
  const move = (id: number, to: number) => void send({ case: 'moveCard', value: { cardId: id, toIndex: to } });

  if (!deck.started || !mine) {
    return (
      <section class="card cards" aria-label={m.cardSort}>
        <p class="calm" data-primary>
          {m.cardsNotStarted}
        </p>
        <p>{deck.instructions}</p>
      </section>
    );
  }

  if (deck.revealed && results) {
    return (
      <section class="card cards" aria-label={m.cardSort}>
        <div data-primary>
          <ScoredOrder deck={deck} order={mine.order} results={results} group={self.group} />
        </div>
        <ReferenceOrder deck={deck} results={results} />
      </section>
    );
  }

  const frozen = mine.locked;
  const order = mine.order;
  // Where a card dropped at height `y` lands, as its index once moved. The list is not
  // reordered while dragging: moving the dragged node would release the pointer capture.
  const indexAt = (y: number, from: number): number => {
    const items = Array.from(list.current?.children ?? []);
    let slot = items.findIndex((item) => {
      const box = item.getBoundingClientRect();
      return y < box.top + box.height / 2;
    });
    if (slot === -1) slot = items.length;
    return slot > from ? slot - 1 : slot;
  };
  const dropClass = (i: number): string => {
    if (!drag || drag.to === drag.from) return '';
    if (i === drag.to) return drag.to > drag.from ? 'drop-after' : 'drop-before';
    return '';
  };

  return (
    <section class="card cards phone-cards" aria-label={m.cardSort}>
      <div class="cards-top">
        <p class="end-label">↑ {deck.firstLabel}</p>
        {frozen ? (
          <p class="badge" data-primary>
            {m.locked}
          </p>
        ) : (
          <Deadline label={m.timeLeft} endsAtMs={Number(deck.endsAtMs)} clock={session.clock} />
        )}
      </div>
      <ol class="sortable" ref={list} data-primary>
        {order.map((id, i) => {
          const card = cards.get(id);
          const title = card?.title ?? String(id);
          return (
            <li
              key={id}
              class={`${drag?.id === id ? 'dragging' : ''} ${dropClass(i)}`}
              aria-label={`${m.position(i + 1)}: ${title}`}
            >
              {!frozen && (
                <span
                  class="handle"
                  role="img"
                  aria-label={m.dragHandle(title)}
                  onPointerDown={(e) => {
                    e.currentTarget.setPointerCapture(e.pointerId);
                    setDrag({ id, from: i, to: i });
                  }}
                  onPointerMove={(e) => drag && setDrag({ ...drag, to: indexAt(e.clientY, drag.from) })}
                  onPointerUp={() => {
                    if (drag && drag.to !== drag.from) move(drag.id, drag.to);
                    setDrag(null);
                  }}
                  onPointerCancel={() => setDrag(null)}
                >
                  ⠿
                </span>
              )}
              <div class="card-text">
                <strong>{title}</strong>
                {card?.description && <span>{card.description}</span>}
              </div>
              {!frozen && (
                <span class="updown">
                  <button type="button" aria-label={m.moveUp(title)} disabled={i === 0} onClick={() => move(id, i - 1)}>
                    ▲
                  </button>
                  <button
                    type="button"
                    aria-label={m.moveDown(title)}
                    disabled={i === order.length - 1}
                    onClick={() => move(id, i + 1)}
                  >
                    ▼
                  </button>
                </span>
              )}
            </li>
          );
        })}
      </ol>
      <p class="end-label">↓ {deck.lastLabel}</p>
      {!frozen && (
        <button
          type="button"
          class="primary big"
          data-primary
          onClick={() => void send({ case: 'lockCards', value: {} })}
        >
          {m.lockCards}
        </button>
      )}
      <Refusal command={command} />
      <details class="rules">
        <summary>{p.howToSort}</summary>
        <p>{deck.instructions}</p>
        <dl class="card-meanings">
          {deck.cards.map((card) => (
            <div key={card.id}>
              <dt>{card.title}</dt>
              <dd>{card.description}</dd>
            </div>
          ))}
        </dl>
      </details>
    </section>
  );
}
