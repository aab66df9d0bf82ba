import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from './api-error';
import { FakeXhr } from '@/testing/fake-xhr';
import { uploadPercent, uploadWithProgress } from './upload';

afterEach(() => {
  vi.unstubAllGlobals();
  FakeXhr.last = null;
});

describe('upload with progress (XMLHttpRequest)', () => {
  it('sends the file as multipart "file" with the bearer token and reports progress', async () => {
    vi.stubGlobal('XMLHttpRequest', FakeXhr);
    const file = new File(['x'.repeat(1000)], 'plan.pdf', { type: 'application/pdf' });
    const seen: number[] = [];
    const done = uploadWithProgress<{ fileId: string }>({
      url: '/api/v1/files',
      file,
      token: 'tok',
      language: 'fr',
      onProgress: (progress) => seen.push(uploadPercent(progress)),
    });
    const xhr = FakeXhr.last!;
    expect(xhr.method).toBe('POST');
    expect(xhr.headers.Authorization).toBe('Bearer tok');
    expect(xhr.headers['Accept-Language']).toBe('fr');
    expect((xhr.body?.get('file') as File).name).toBe('plan.pdf');
    xhr.upload.onprogress?.({ loaded: 250, total: 1000, lengthComputable: true });
    xhr.upload.onprogress?.({ loaded: 600, total: 0, lengthComputable: false });
    xhr.respond(201, { fileId: 'f1', fileName: 'plan.pdf', contentType: 'application/pdf', size: 1000 });
    await expect(done).resolves.toMatchObject({ fileId: 'f1' });
    expect(seen).toEqual([25, 60, 100]);
  });

  it('turns a problem (415 unsupported type) into an ApiError', async () => {
    vi.stubGlobal('XMLHttpRequest', FakeXhr);
    const done = uploadWithProgress({ url: '/api/v1/files', file: new File(['MZ'], 'virus.exe'), token: null });
    FakeXhr.last!.respond(415, { type: 'https://spoc.dev/problems/unsupported-file-type', title: 'Unsupported', status: 415 }, 'application/problem+json');
    const error = await done.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).code).toBe('unsupported-file-type');
    expect(FakeXhr.last!.headers.Authorization).toBeUndefined();
  });

  it('reports a network failure as such', async () => {
    vi.stubGlobal('XMLHttpRequest', FakeXhr);
    const done = uploadWithProgress({ url: '/api/v1/files', file: new File(['a'], 'a.txt'), token: 't' });
    FakeXhr.last!.onerror?.();
    await expect(done).rejects.toMatchObject({ code: 'network-error' });
  });

  it('computes a bounded whole percent', () => {
    expect(uploadPercent(null)).toBe(0);
    expect(uploadPercent({ loaded: 1, total: 3 })).toBe(33);
    expect(uploadPercent({ loaded: 5, total: 3 })).toBe(100);
    expect(uploadPercent({ loaded: 5, total: 0 })).toBe(0);
  });
});
