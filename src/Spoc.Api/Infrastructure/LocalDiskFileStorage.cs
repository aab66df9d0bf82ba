using Spoc.SharedKernel.Files;
using Spoc.SharedKernel.Persistence;

namespace Spoc.Api.Infrastructure;

/// <summary>Files under <c>{DataDirectory}/uploads</c>, named by a random key, two levels of folders to keep directories small.</summary>
internal sealed class LocalDiskFileStorage(DatabaseSettings settings) : IFileStorage
{
    private readonly string _root = Path.Combine(settings.DataDirectory, "uploads");

    public async Task<string> SaveAsync(Stream content, CancellationToken ct)
    {
        var key = StorageKey.New();
        var path = PathOf(key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true);
        await content.CopyToAsync(file, ct);
        return key;
    }

    public Task<Stream> OpenReadAsync(string key, CancellationToken ct)
    {
        var path = PathOf(key);
        try
        {
            return Task.FromResult<Stream>(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true));
        }
        catch (DirectoryNotFoundException e)
        {
            // No file was ever saved under the key's folders: the same "not found" as a missing file, as the blob store says.
            throw new FileNotFoundException("No stored file has this key.", key, e);
        }
    }

    public Task DeleteAsync(string key, CancellationToken ct)
    {
        File.Delete(PathOf(key));
        return Task.CompletedTask;
    }

    private string PathOf(string key)
    {
        StorageKey.Checked(key);
        return Path.Combine(_root, key[..2], key[2..4], key);
    }
}
