// A participant's personal code (wire.proto Joined.personal_code): 8 characters from an alphabet
// without look-alikes (no 0, 1, I or O), shown and read out as two groups of four, K7M4-QP2X.
// Typed on a new phone to be the same person there (commands.proto Join.personal_code). The
// server reads it in any case, with or without the dash or spaces, as normalizePersonalCode does.
const alphabet = /^[2-9A-HJ-NP-Z]{8}$/;

export function normalizePersonalCode(typed: string): string {
  return typed.replace(/[\s-]/g, '').toUpperCase();
}

export function isPersonalCode(typed: string): boolean {
  return alphabet.test(normalizePersonalCode(typed));
}

// K7M4QP2X as K7M4-QP2X; anything else as it came.
export function formatPersonalCode(code: string): string {
  const clean = normalizePersonalCode(code);
  return clean.length === 8 ? `${clean.slice(0, 4)}-${clean.slice(4)}` : code;
}
