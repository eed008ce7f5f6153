// Placeholder until the view is written (issue 14).
export function PhonePoll() {
  return null;
}
