namespace Spoc.SharedKernel.Files;

/// <summary>
/// Where uploaded bytes live, under generated keys (never the uploader's file name). Local disk outside the web root
/// by default; Azure Blob Storage when <c>Files:BlobConnectionString</c> is set (ADR 0053). Both behave alike: a key
/// that was never saved (or was deleted) cannot be opened (<see cref="FileNotFoundException"/>), deleting it twice is
/// harmless, and a key that is not one of ours is refused (<see cref="ArgumentException"/>).
/// </summary>
public interface IFileStorage
{
    Task<string> SaveAsync(Stream content, CancellationToken ct);

    Task<Stream> OpenReadAsync(string key, CancellationToken ct);

    Task DeleteAsync(string key, CancellationToken ct);
}

/// <summary>Storage keys: 32 lower-case hex digits of a random GUID, the same for every store.</summary>
public static class StorageKey
{
    public static string New() => Guid.NewGuid().ToString("N");

    /// <summary>Anything but our own keys is refused rather than resolved against a disk or a container.</summary>
    public static string Checked(string key) =>
        key.Length == 32 && key.All(char.IsAsciiHexDigitLower) ? key : throw new ArgumentException("Not a storage key.", nameof(key));
}
