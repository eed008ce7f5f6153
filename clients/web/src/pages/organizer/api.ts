// The organizer API (proto/campana/v1/organizer.proto): JSON over HTTP in the protobuf JSON
// mapping, parsed and written with the generated types, so that the page and the server share
// one contract. Every request carries the organizer's key in a header, never in the URL.
import { create, type DescMessage, fromJsonString, type MessageShape, toJsonString } from '@bufbuild/protobuf';
import {
  ApiErrorSchema,
  CreateWorkshopRequestSchema,
  DeleteWorkshopRequestSchema,
  NextWorkshopRequestSchema,
  OrganizerOverviewSchema,
  SeriesAttendanceSchema,
  TemplateCheckReplySchema,
  type TemplateProblem,
  WorkshopCreatedReplySchema,
  WorkshopSummarySchema,
} from '../../gen/campana/v1/organizer_pb';

// What went wrong: the ApiError's code ("forbidden", "conflict", "invalid_template"...), or,
// when the answer carried none, one named after the HTTP status; "network" when no answer came.
export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly problems: TemplateProblem[] = [],
  ) {
    super(`organizer API: ${status} ${code}`);
  }

  // The key is missing or not the organizer's: the page gives way to the join page.
  get refusedKey(): boolean {
    return this.status === 401 || this.status === 403;
  }
}

const codeByStatus: Record<number, string> = {
  400: 'bad_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  409: 'conflict',
  413: 'too_large',
  422: 'invalid_template',
};

// An answer that is not a success, as a failure: the ApiError in its body when there is one.
export function failureOf(status: number, body: string): ApiFailure {
  try {
    const error = fromJsonString(ApiErrorSchema, body, { ignoreUnknownFields: true });
    return new ApiFailure(status, error.code || (codeByStatus[status] ?? 'unknown'), error.problems);
  } catch {
    return new ApiFailure(status, codeByStatus[status] ?? 'unknown');
  }
}

type Fetch = (input: string, init: RequestInit) => Promise<Response>;

export class OrganizerApi {
  constructor(
    private readonly key: string,
    private readonly fetcher: Fetch = (input, init) => fetch(input, init),
  ) {}

  private async call<Desc extends DescMessage>(
    method: string,
    path: string,
    schema: Desc,
    body?: string,
  ): Promise<MessageShape<Desc>> {
    const headers: Record<string, string> = { Authorization: `Bearer ${this.key}` };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    let response: Response;
    let text: string;
    try {
      response = await this.fetcher(path, { method, headers, body, cache: 'no-store' });
      text = await response.text();
    } catch {
      throw new ApiFailure(0, 'network');
    }
    if (!response.ok) throw failureOf(response.status, text);
    try {
      // Fields a newer server adds are skipped, not an error.
      return fromJsonString(schema, text, { ignoreUnknownFields: true });
    } catch {
      throw new ApiFailure(response.status, 'bad_reply');
    }
  }

  overview() {
    return this.call('GET', '/api/workshops', OrganizerOverviewSchema);
  }

  // A workshop from one of the server's templates; an empty title keeps the template's.
  createWorkshop(template: string, language: string, title: string) {
    const request = create(CreateWorkshopRequestSchema, { template, language, title: title.trim() });
    return this.call(
      'POST',
      '/api/workshops',
      WorkshopCreatedReplySchema,
      toJsonString(CreateWorkshopRequestSchema, request),
    );
  }

  // A template's JSON as the organizer's file has it: the server is its judge.
  checkTemplate(templateJson: string) {
    return this.call('POST', '/api/templates/check', TemplateCheckReplySchema, templateJson);
  }

  uploadTemplate(templateJson: string) {
    return this.call('POST', '/api/workshops/upload', WorkshopCreatedReplySchema, templateJson);
  }

  duplicate(code: string) {
    return this.call('POST', `${workshopPath(code)}/duplicate`, WorkshopCreatedReplySchema);
  }

  close(code: string) {
    return this.call('POST', `${workshopPath(code)}/close`, WorkshopSummarySchema);
  }

  links(code: string) {
    return this.call('GET', `${workshopPath(code)}/links`, WorkshopCreatedReplySchema);
  }

  // The next workshop of code's series, with its people: from a template, or (template '') with
  // code's agenda again; an empty title keeps the template's (or code's).
  next(code: string, options: { template: string; language: string; title: string; keepGroups: boolean }) {
    const request = create(NextWorkshopRequestSchema, { ...options, title: options.title.trim() });
    return this.call(
      'POST',
      `${workshopPath(code)}/next`,
      WorkshopCreatedReplySchema,
      toJsonString(NextWorkshopRequestSchema, request),
    );
  }

  // Who came to what over code's series.
  series(code: string) {
    return this.call('GET', `${workshopPath(code)}/series`, SeriesAttendanceSchema);
  }

  // Cannot be undone: the server checks that confirmTitle is the workshop's title (409 if not).
  deleteWorkshop(code: string, confirmTitle: string) {
    const request = create(DeleteWorkshopRequestSchema, { confirmTitle });
    return this.call(
      'DELETE',
      workshopPath(code),
      WorkshopSummarySchema,
      toJsonString(DeleteWorkshopRequestSchema, request),
    );
  }
}

function workshopPath(code: string): string {
  return `/api/workshops/${encodeURIComponent(code)}`;
}
