import { useState } from 'preact/hooks';
import { useMessages } from '../i18n/i18n';

// Past this, an answer is shown clamped to a few lines, with a button to read it all.
const longAnswer = 280;

// One participant's answer on the console, with its author.
export function AnswerItem({ text, author }: { text: string; author: string }) {
  const m = useMessages();
  const [open, setOpen] = useState(false);
  const long = [...text].length > longAnswer || text.split('\n').length > 4;
  return (
    <li class="answer">
      <span class={`said answer-text ${open ? 'open' : ''}`}>{text}</span>
      <span class="said name author">— {author}</span>
      {long && (
        <button type="button" class="link" aria-expanded={open} onClick={() => setOpen(!open)}>
          {open ? m.showLess : m.showAll}
        </button>
      )}
    </li>
  );
}
