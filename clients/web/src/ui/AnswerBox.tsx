import { useState } from 'preact/hooks';
import { cleanText } from './text';

// The server takes answers of up to 1,000 characters (code points); a text field counts UTF-16
// units, two for some characters, so this lets the server say no rather than the field.
export const answerMaxLength = 2000;

interface Props {
  label: string;
  button: string;
  // Where the draft is kept (localStorage), so a reload or a phone that slept loses nothing.
  draftKey: string;
  disabled?: boolean;
  onSend: (text: string) => void;
}

// A text box and its button, for answering: sends the text as the server wants it, then
// empties the box.
export function AnswerBox({ label, button, draftKey, disabled = false, onSend }: Props) {
  const [text, setText] = useDraft(draftKey);
  const send = (event: Event) => {
    event.preventDefault();
    const answer = cleanText(text);
    if (!answer) return;
    onSend(answer);
    setText('');
  };
  return (
    <form onSubmit={send}>
      <label class="field">
        <span>{label}</span>
        <textarea
          rows={3}
          maxLength={answerMaxLength}
          value={text}
          disabled={disabled}
          onInput={(e) => setText(e.currentTarget.value)}
        />
      </label>
      <button type="submit" class="primary" disabled={disabled}>
        {button}
      </button>
    </form>
  );
}

// A text that survives a reload: kept in localStorage under `key` while it is not empty.
function useDraft(key: string): [string, (text: string) => void] {
  const [text, setText] = useState(() => readDraft(key));
  const update = (next: string) => {
    setText(next);
    try {
      if (next) localStorage.setItem(key, next);
      else localStorage.removeItem(key);
    } catch {
      // Storage full or forbidden: the draft lives as long as the page.
    }
  };
  return [text, update];
}

function readDraft(key: string): string {
  try {
    return localStorage.getItem(key) ?? '';
  } catch {
    return '';
  }
}
