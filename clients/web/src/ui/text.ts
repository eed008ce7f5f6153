// Text a person typed, as it is sent: NFC (one form for "é", as the server expects), without
// the invisible marks that change the direction of the text around them (U+202E and its
// kind, which the server refuses: pasted from elsewhere they would otherwise make a name or
// an answer fail for a reason nobody can see), and without white space at either end.
const directionControls = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

export function cleanText(text: string): string {
  return text.normalize('NFC').replace(directionControls, '').trim();
}
