using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Spoc.SharedKernel.Files;

namespace Spoc.Api.Infrastructure;

/// <summary>
/// Files as block blobs in one container (<c>Files:BlobContainer</c>, <c>spoc-files</c> by default) of the account
/// <c>Files:BlobConnectionString</c> names (ADR 0053): every instance reads what any of them stored. The container is made
/// by the first upload that finds it missing, so a fresh account needs no set-up step and a running one no extra call.
/// </summary>
internal sealed class BlobFileStorage(BlobContainerClient container) : IFileStorage
{
    public async Task<string> SaveAsync(Stream content, CancellationToken ct)
    {
        var key = StorageKey.New();
        // If-None-Match: * writes a new blob or fails, never overwrites one (the local disk's FileMode.CreateNew).
        var options = new BlobUploadOptions { Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All } };
        var blob = container.GetBlobClient(key);
        try
        {
            await blob.UploadAsync(content, options, ct);
        }
        catch (RequestFailedException e) when (e.ErrorCode == BlobErrorCode.ContainerNotFound && content.CanSeek)
        {
            await container.CreateIfNotExistsAsync(cancellationToken: ct);
            content.Position = 0;
            await blob.UploadAsync(content, options, ct);
        }

        return key;
    }

    public async Task<Stream> OpenReadAsync(string key, CancellationToken ct)
    {
        try
        {
            return (await container.GetBlobClient(StorageKey.Checked(key)).DownloadStreamingAsync(cancellationToken: ct)).Value.Content;
        }
        catch (RequestFailedException e) when (e.Status == StatusCodes.Status404NotFound)
        {
            throw new FileNotFoundException("No stored file has this key.", key, e);
        }
    }

    public Task DeleteAsync(string key, CancellationToken ct) =>
        container.GetBlobClient(StorageKey.Checked(key)).DeleteIfExistsAsync(cancellationToken: ct);

    /// <summary>
    /// Ready when the account answers for the container (whether it exists yet or not) with our credentials. A failure
    /// throws, and the health check service reports it unhealthy with the reason.
    /// </summary>
    internal sealed class Check(BlobContainerClient container) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            await container.ExistsAsync(cancellationToken);
            return HealthCheckResult.Healthy();
        }
    }
}

internal static class FileStorage
{
    public static IServiceCollection AddSpocFileStorage(this IServiceCollection services, IConfiguration configuration)
    {
        if (configuration["Files:BlobConnectionString"] is not { Length: > 0 } connection)
        {
            return services.AddSingleton<IFileStorage, LocalDiskFileStorage>();
        }

        // A bounded wait and few retries: an upload or a readiness probe should fail within seconds, not minutes, when the store is away.
        var options = new BlobClientOptions { Retry = { MaxRetries = 2, NetworkTimeout = TimeSpan.FromSeconds(30) } };
        var container = new BlobContainerClient(connection, configuration["Files:BlobContainer"] is { Length: > 0 } name ? name : "spoc-files", options);
        services.AddSingleton(container);
        services.AddSingleton<IFileStorage, BlobFileStorage>();
        services.AddHealthChecks().Add(new HealthCheckRegistration("blob-storage", sp => new BlobFileStorage.Check(container), HealthStatus.Degraded, ["ready"], TimeSpan.FromSeconds(10)));
        return services;
    }
}
