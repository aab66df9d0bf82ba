namespace Spoc.SharedKernel.Files;

/// <summary>
/// Where uploaded bytes live, under generated keys (never the uploader's file name). Local disk outside the web root
/// by default; a blob store implements the same three calls.
/// </summary>
public interface IFileStorage
{
    Task<string> SaveAsync(Stream content, CancellationToken ct);

    Task<Stream> OpenReadAsync(string key, CancellationToken ct);

    Task DeleteAsync(string key, CancellationToken ct);
}
