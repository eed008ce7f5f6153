import { create, fromJsonString, toJsonString } from '@bufbuild/protobuf';
import { describe, expect, it, vi } from 'vitest';
import { WorkshopStatus } from '../src/gen/campana/v1/organizer_enums';
import {
  ApiErrorSchema,
  CreateWorkshopRequestSchema,
  DeleteWorkshopRequestSchema,
  OrganizerOverviewSchema,
  TemplateProblemSchema,
  WorkshopSummarySchema,
} from '../src/gen/campana/v1/organizer_pb';
import { ApiFailure, failureOf, OrganizerApi } from '../src/pages/organizer/api';
import { errorText, problemLine } from '../src/pages/organizer/errors';
import { useOrganizerMessages } from '../src/pages/organizer/messages';
import { createdText, newestFirst, titleMatches, workshopLinks } from '../src/pages/organizer/workshops';

// The texts' module (i18n.ts) reads the page's language from localStorage and writes it on the
// document when loaded: both are faked before any import.
vi.hoisted(() => {
  vi.stubGlobal('localStorage', { getItem: () => 'es', setItem: () => undefined });
  vi.stubGlobal('document', { documentElement: { lang: 'es' } });
});

const es = useOrganizerMessages.in('es');
const en = useOrganizerMessages.in('en');

// A server that answers every request with one response, and remembers what it was asked.
function serverAnswering(status: number, body: string) {
  const asked: { url: string; init: RequestInit }[] = [];
  const fetcher = (url: string, init: RequestInit) => {
    asked.push({ url, init });
    return Promise.resolve(new Response(body, { status }));
  };
  return { api: new OrganizerApi('the-key', fetcher), asked };
}

describe('OrganizerApi', () => {
  it('reads the protobuf JSON mapping, with the key in a header, never in the URL', async () => {
    const json = JSON.stringify({
      workshops: [
        {
          code: 'K7M2QX',
          title: 'Demo',
          language: 'es',
          createdAtMs: '1764748800000',
          status: 'WORKSHOP_STATUS_CLOSED',
          participants: 3,
          agendaItems: 32,
          aFieldFromANewerServer: true,
        },
      ],
      templates: [{ name: 'guatemala', language: 'es', title: 'Cambio', agendaItems: 32 }],
    });
    const { api, asked } = serverAnswering(200, json);
    const overview = await api.overview();
    expect(overview.workshops[0]?.createdAtMs).toBe(1764748800000n);
    expect(overview.workshops[0]?.status).toBe(WorkshopStatus.CLOSED);
    expect(overview.templates[0]?.agendaItems).toBe(32);
    expect(asked[0]?.url).toBe('/api/workshops');
    expect(asked[0]?.init.method).toBe('GET');
    expect(asked[0]?.init.headers).toEqual({ Authorization: 'Bearer the-key' });
  });

  it('writes requests with the generated types: lowerCamelCase, an empty title left out', async () => {
    const { api, asked } = serverAnswering(201, JSON.stringify({ workshop: { code: 'ABC234' }, facilitatorKey: 'f' }));
    const reply = await api.createWorkshop('guatemala', 'es', '  ');
    expect(reply.facilitatorKey).toBe('f');
    expect(JSON.parse(asked[0]?.init.body as string)).toEqual({ template: 'guatemala', language: 'es' });
    fromJsonString(CreateWorkshopRequestSchema, asked[0]?.init.body as string);

    await api.deleteWorkshop('AB C', 'Taller «uno»');
    expect(asked[1]?.url).toBe('/api/workshops/AB%20C');
    expect(asked[1]?.init.method).toBe('DELETE');
    expect(asked[1]?.init.body).toBe(
      toJsonString(DeleteWorkshopRequestSchema, create(DeleteWorkshopRequestSchema, { confirmTitle: 'Taller «uno»' })),
    );
    expect(JSON.parse(asked[1]?.init.body as string)).toEqual({ confirmTitle: 'Taller «uno»' });
  });

  it('sends a template file as it is, and reads its problems', async () => {
    const { api, asked } = serverAnswering(
      200,
      JSON.stringify({ problems: [{ path: 'items[3].poll.questions[0].type', problem: 'unknown type' }] }),
    );
    const file = '{"title": "Mío", "items": []}';
    const reply = await api.checkTemplate(file);
    expect(asked[0]?.url).toBe('/api/templates/check');
    expect(asked[0]?.init.body).toBe(file);
    expect(reply.problems.map(problemLine)).toEqual(['items[3].poll.questions[0].type: unknown type']);
  });

  it('turns an ApiError into a failure with its code and problems', async () => {
    const error = toJsonString(
      ApiErrorSchema,
      create(ApiErrorSchema, {
        code: 'invalid_template',
        message: 'the template has problems',
        problems: [{ path: 'title', problem: 'empty' }],
      }),
    );
    const { api } = serverAnswering(422, error);
    const failure = await api.uploadTemplate('{}').catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(ApiFailure);
    expect(failure).toMatchObject({ status: 422, code: 'invalid_template', refusedKey: false });
    expect((failure as ApiFailure).problems.map(problemLine)).toEqual(['title: empty']);
  });

  it('names a failure after its status when the body is not an ApiError', () => {
    expect(failureOf(401, '')).toMatchObject({ code: 'unauthorized', refusedKey: true });
    expect(failureOf(403, 'forbidden\n')).toMatchObject({ code: 'forbidden', refusedKey: true });
    expect(failureOf(413, '<html>')).toMatchObject({ code: 'too_large', refusedKey: false });
    expect(failureOf(500, '')).toMatchObject({ code: 'unknown', status: 500 });
    expect(failureOf(409, JSON.stringify({ code: 'conflict', message: 'type its title' }))).toMatchObject({
      code: 'conflict',
    });
  });

  it('says "network" when no answer came, and "bad_reply" for one it cannot read', async () => {
    const offline = new OrganizerApi('k', () => Promise.reject(new TypeError('Failed to fetch')));
    await expect(offline.duplicate('ABC234')).rejects.toMatchObject({ code: 'network', status: 0 });
    const { api } = serverAnswering(200, 'not json');
    await expect(api.close('ABC234')).rejects.toMatchObject({ code: 'bad_reply' });
  });
});

describe('errorText', () => {
  it('speaks the page language, whatever the server wrote in English', () => {
    expect(errorText(es, new ApiFailure(404, 'not_found'))).toBe('Ese taller ya no existe.');
    expect(errorText(en, new ApiFailure(404, 'not_found'))).toBe('That workshop no longer exists.');
    expect(errorText(es, new ApiFailure(0, 'network'))).toMatch(/Sin conexión/);
    expect(errorText(en, new ApiFailure(413, 'too_large'))).toBe('The file is too large.');
    expect(errorText(es, new ApiFailure(403, 'forbidden'))).toBe(errorText(es, new ApiFailure(401, 'unauthorized')));
    expect(errorText(en, new ApiFailure(502, 'unknown'))).toMatch(/HTTP 502/);
  });

  it('has a text for every code of the contract (organizer.proto, ApiError.code)', () => {
    const codes = ['unauthorized', 'forbidden', 'not_found', 'bad_request', 'conflict', 'invalid_template'];
    for (const code of [...codes, 'too_large', 'method_not_allowed', 'network', 'bad_reply']) {
      for (const m of [es, en]) expect(errorText(m, new ApiFailure(400, code))).not.toMatch(/HTTP/);
    }
  });

  it('places a problem without a path as the problem alone', () => {
    expect(problemLine(create(TemplateProblemSchema, { problem: 'not JSON' }))).toBe('not JSON');
  });
});

describe('the list', () => {
  const summary = (code: string, createdAtMs: bigint) => create(WorkshopSummarySchema, { code, createdAtMs });

  it('shows the newest first; equal times in the reverse of the server order', () => {
    const oldestFirst = [summary('A', 1n), summary('B', 2n), summary('C', 2n), summary('D', 3n)];
    expect(newestFirst(oldestFirst).map((w) => w.code)).toEqual(['D', 'C', 'B', 'A']);
    expect(oldestFirst.map((w) => w.code)).toEqual(['A', 'B', 'C', 'D']);
  });

  it('writes the creation date in the page language', () => {
    const at = BigInt(Date.UTC(2026, 11, 2, 15, 5));
    expect(createdText('es', at)).toMatch(/2 dic 2026/);
    expect(createdText('en', at)).toMatch(/Dec 2, 2026/);
    expect(createdText('es', 0n)).toBe('—');
  });

  it('asks for the exact title to delete, spaces at the ends aside', () => {
    expect(titleMatches('Taller de innovación', 'Taller de innovación')).toBe(true);
    expect(titleMatches('  Taller de innovación ', 'Taller de innovación')).toBe(true);
    expect(titleMatches('taller de innovación', 'Taller de innovación')).toBe(false);
    expect(titleMatches('Taller de innovacion', 'Taller de innovación')).toBe(false);
    expect(titleMatches('Taller', 'Taller de innovación')).toBe(false);
    expect(titleMatches('', '')).toBe(false);
  });

  it("gives the console, the projector and the report their keys, and the phones' link none", () => {
    expect(workshopLinks('http://10.0.0.2:8080', 'K7M2QX', 'f+1', 'p2')).toEqual({
      console: 'http://10.0.0.2:8080/console/K7M2QX#key=f%2B1',
      projector: 'http://10.0.0.2:8080/screen/K7M2QX#key=p2',
      phones: 'http://10.0.0.2:8080/j/K7M2QX',
      report: 'http://10.0.0.2:8080/report/K7M2QX#key=f%2B1',
    });
  });

  it('reads what the server lists as the contract says (int64 as strings, enums by name)', () => {
    const overview = fromJsonString(
      OrganizerOverviewSchema,
      '{"workshops":[{"code":"A","createdAtMs":"5","status":"WORKSHOP_STATUS_OPEN"}]}',
    );
    expect(overview.workshops[0]).toMatchObject({ createdAtMs: 5n, status: WorkshopStatus.OPEN });
  });
});
