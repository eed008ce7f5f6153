import type { DatingNote } from '../../gen/campana/v1/dating_pb';
import type { useDatingMessages } from './messages';

type Messages = ReturnType<typeof useDatingMessages>;

// A participant's notes as a Markdown file named after the workshop, made in the page: the
// notes never leave the phone for this.
export function downloadNotes(m: Messages, title: string, notes: DatingNote[]): void {
  const lines = [`# ${m.notesFileTitle(title)}`, ''];
  for (const note of [...notes].sort((a, b) => a.round - b.round)) {
    lines.push(`## ${m.notesOf(note.round, note.partnerNames.join(', '))}`, '', note.text, '');
  }
  const blob = new Blob([lines.join('\n')], { type: 'text/markdown;charset=utf-8' });
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = `${title.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '') || 'campana'}-notas.md`;
  document.body.appendChild(link);
  link.click();
  link.remove();
  URL.revokeObjectURL(link.href);
}
