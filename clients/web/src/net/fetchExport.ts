// The workshop's export (GET /api/workshops/CODE/export, the protobuf JSON mapping) as text, for
// the facilitators: the console's downloads and the report page. Small and in the core, so
// that the report page asks for it from its first script, beside its own code rather than
// after it (main.tsx).

// The facilitator's key is in the page's fragment (#key=...), as the console's shell reads it.
function facilitatorKey(): string {
  return new URLSearchParams(location.hash.slice(1)).get('key') ?? '';
}

// The export as text; undefined when it could not be fetched.
export async function fetchExport(code: string): Promise<string | undefined> {
  try {
    const response = await fetch(`/api/workshops/${encodeURIComponent(code)}/export`, {
      headers: { Authorization: `Bearer ${facilitatorKey()}` },
    });
    return response.ok ? await response.text() : undefined;
  } catch (error) {
    console.warn('campana: export failed', error);
    return undefined;
  }
}
