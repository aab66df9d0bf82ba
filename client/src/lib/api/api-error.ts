/** Field name -> messages, as sent in a problem+json `errors` member. */
export type FieldErrors = Record<string, string[]>;

const PROBLEM_BASE = 'https://spoc.dev/problems/';

/** Stable problem types the UI reacts to (see docs/API.md). */
export const problemTypes = {
  invalidCredentials: `${PROBLEM_BASE}invalid-credentials`,
  invalidRefreshToken: `${PROBLEM_BASE}invalid-refresh-token`,
  validationFailed: `${PROBLEM_BASE}validation-failed`,
  network: 'about:network-error',
} as const;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function readFieldErrors(value: unknown): FieldErrors {
  if (!isRecord(value)) return {};
  const result: FieldErrors = {};
  for (const [field, messages] of Object.entries(value)) {
    if (Array.isArray(messages)) {
      result[field] = messages.filter((m): m is string => typeof m === 'string');
    } else if (typeof messages === 'string') {
      result[field] = [messages];
    }
  }
  return result;
}

/** An RFC 9457 problem returned by the API (or a network failure), ready to show to the user. */
export class ApiError extends Error {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail: string | undefined;
  readonly errors: FieldErrors;
  /** Seconds to wait before retrying, from a 429's Retry-After header. */
  readonly retryAfter: number | undefined;

  constructor(init: {
    type?: string;
    title: string;
    status: number;
    detail?: string;
    errors?: FieldErrors;
    retryAfter?: number;
  }) {
    super(init.detail ?? init.title);
    this.name = 'ApiError';
    this.type = init.type ?? 'about:blank';
    this.title = init.title;
    this.status = init.status;
    this.detail = init.detail;
    this.errors = init.errors ?? {};
    this.retryAfter = init.retryAfter;
  }

  /** Builds an ApiError from a failed response and its parsed body (problem+json or anything else). */
  static fromResponse(body: unknown, response: Response): ApiError {
    const retryHeader = response.headers.get('Retry-After');
    const retryAfter = retryHeader !== null && /^\d+$/.test(retryHeader) ? Number(retryHeader) : undefined;
    if (isRecord(body)) {
      return new ApiError({
        type: typeof body.type === 'string' ? body.type : undefined,
        title: typeof body.title === 'string' ? body.title : response.statusText || `HTTP ${response.status}`,
        status: typeof body.status === 'number' ? body.status : response.status,
        detail: typeof body.detail === 'string' ? body.detail : undefined,
        errors: readFieldErrors(body.errors),
        retryAfter,
      });
    }
    return new ApiError({
      title: response.statusText || `HTTP ${response.status}`,
      status: response.status,
      detail: typeof body === 'string' && body.length > 0 && body.length < 500 ? body : undefined,
      retryAfter,
    });
  }

  static network(cause: unknown): ApiError {
    const error = new ApiError({ type: problemTypes.network, title: 'Network error', status: 0 });
    (error as { cause?: unknown }).cause = cause;
    return error;
  }

  /** The last segment of the problem type, e.g. `invalid-credentials`; used as a translation key. */
  get code(): string {
    if (this.type === problemTypes.network) return 'network-error';
    if (this.type.startsWith(PROBLEM_BASE)) return this.type.slice(PROBLEM_BASE.length);
    return `status-${this.status}`;
  }

  /** Messages for one field; matches the API's names case-insensitively (`Email`, `email`). */
  fieldErrors(field: string): string[] {
    const wanted = field.toLowerCase();
    for (const [name, messages] of Object.entries(this.errors)) {
      if (name.toLowerCase() === wanted) return messages;
    }
    return [];
  }

  get hasFieldErrors(): boolean {
    return Object.values(this.errors).some((messages) => messages.length > 0);
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

/** Is `error` the API's problem `slug` (the last segment of its type, e.g. `cohort-full`)? */
export function isProblem(error: unknown, slug: string): error is ApiError {
  return isApiError(error) && error.code === slug;
}
