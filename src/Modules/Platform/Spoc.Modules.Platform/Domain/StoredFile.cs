namespace Spoc.Modules.Platform.Data;

/// <summary>An upload: its bytes are in <see cref="Spoc.SharedKernel.Files.IFileStorage"/> under <see cref="StorageKey"/>.</summary>
internal sealed class StoredFile
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid OwnerId { get; init; }
    public required string FileName { get; init; }
    public required string ContentType { get; init; }
    public long Size { get; init; }
    public required string StorageKey { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
}
