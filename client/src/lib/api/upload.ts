import { ApiError } from './api-error';

export interface UploadProgress {
  loaded: number;
  total: number;
}

export interface UploadOptions {
  url: string;
  file: File;
  /** The multipart field name (the API's POST /files reads "file"). */
  field?: string;
  token: string | null;
  language?: string;
  onProgress?: (progress: UploadProgress) => void;
  signal?: AbortSignal;
}

/**
 * A multipart upload through XMLHttpRequest, the one browser API that reports upload progress.
 * Resolves with the parsed JSON body, rejects with an ApiError built like the typed client's.
 */
export function uploadWithProgress<T>({ url, file, field = 'file', token, language, onProgress, signal }: UploadOptions): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    if (token) xhr.setRequestHeader('Authorization', `Bearer ${token}`);
    if (language) xhr.setRequestHeader('Accept-Language', language);
    xhr.setRequestHeader('Accept', 'application/json, application/problem+json');
    xhr.upload.onprogress = (event) => {
      onProgress?.({ loaded: event.loaded, total: event.lengthComputable ? event.total : file.size });
    };
    xhr.onload = () => {
      const contentType = xhr.getResponseHeader('Content-Type') ?? '';
      let body: unknown = xhr.responseText;
      if (contentType.includes('json') && xhr.responseText) {
        try {
          body = JSON.parse(xhr.responseText);
        } catch {
          // keep the text
        }
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        onProgress?.({ loaded: file.size, total: file.size });
        resolve(body as T);
        return;
      }
      const headers = new Headers();
      if (contentType) headers.set('Content-Type', contentType);
      const retryAfter = xhr.getResponseHeader('Retry-After');
      if (retryAfter) headers.set('Retry-After', retryAfter);
      reject(ApiError.fromResponse(body, new Response(null, { status: xhr.status, headers })));
    };
    xhr.onerror = () => reject(ApiError.network(new Error('upload failed')));
    xhr.onabort = () => reject(ApiError.network(new Error('upload aborted')));
    signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    const form = new FormData();
    form.append(field, file, file.name);
    xhr.send(form);
  });
}

/** Percent (0..100, whole) of an upload; 0 when the total is unknown. */
export function uploadPercent(progress: UploadProgress | null): number {
  if (!progress || progress.total <= 0) return 0;
  return Math.min(100, Math.round((progress.loaded / progress.total) * 100));
}
