using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using AwesomeAssertions;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Spoc.Modules.Platform.Contracts;
using Spoc.SharedKernel.Files;

namespace Spoc.Api.Tests.Infrastructure;

/// <summary>
/// The same behaviour from both stores behind <see cref="IFileStorage"/>: the local disk (the default) and Azure Blob
/// Storage (against Azurite, ADR 0053). Two instances on one database show what each store shares.
/// </summary>
[TestFixture("disk")]
[TestFixture("blob")]
public sealed class FileStorageTests(string store)
{
    private AzuriteServer? _azurite;
    private SpocApiFactory _first = null!;
    private SpocApiFactory _second = null!;

    private IFileStorage Storage => _first.Services.GetRequiredService<IFileStorage>();

    [OneTimeSetUp]
    public async Task Start()
    {
        var settings = new Dictionary<string, string?>();
        if (store == "blob")
        {
            _azurite = await AzuriteServer.StartAsync();
            settings["Files:BlobConnectionString"] = _azurite.ConnectionString;
            settings["Files:BlobContainer"] = "uploads"; // not there yet: the first upload makes it
        }

        _first = new SpocApiFactory(settings);
        _second = Instances.SecondOf(_first, settings);
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        _second.Dispose();
        _first.Dispose();
        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
        }
    }

    [Test]
    public void The_configuration_picks_the_store() =>
        Storage.GetType().Name.Should().Be(store == "blob" ? "BlobFileStorage" : "LocalDiskFileStorage");

    [Test]
    public async Task Saved_bytes_read_back_alike_under_a_new_key_each_time()
    {
        var bytes = RandomNumberGenerator.GetBytes(300_000);
        var key = await Storage.SaveAsync(new MemoryStream(bytes), CancellationToken.None);
        var again = await Storage.SaveAsync(new MemoryStream(bytes), CancellationToken.None);

        key.Should().MatchRegex("^[0-9a-f]{32}$");
        again.Should().NotBe(key);
        (await ReadAsync(Storage, key)).Should().Equal(bytes);
        (await ReadAsync(Storage, again)).Should().Equal(bytes);
    }

    [Test]
    public async Task A_deleted_file_cannot_be_opened_and_deleting_it_again_is_harmless()
    {
        var key = await Storage.SaveAsync(new MemoryStream("bonjour"u8.ToArray()), CancellationToken.None);
        await Storage.DeleteAsync(key, CancellationToken.None);

        await FluentActions.Awaiting(() => Storage.OpenReadAsync(key, CancellationToken.None)).Should().ThrowAsync<FileNotFoundException>();
        await Storage.DeleteAsync(key, CancellationToken.None);
        await FluentActions.Awaiting(() => Storage.OpenReadAsync(Guid.NewGuid().ToString("N"), CancellationToken.None)).Should().ThrowAsync<FileNotFoundException>();
    }

    [TestCase("../../spoc.db")]
    [TestCase("0123456789ABCDEF0123456789ABCDEF")]
    [TestCase("uploads/0123456789abcdef0123456789abcdef")]
    public async Task A_key_that_is_not_ours_is_refused(string key)
    {
        await FluentActions.Awaiting(() => Storage.OpenReadAsync(key, CancellationToken.None)).Should().ThrowAsync<ArgumentException>();
        await FluentActions.Awaiting(() => Storage.DeleteAsync(key, CancellationToken.None)).Should().ThrowAsync<ArgumentException>();
    }

    /// <summary>Blob storage is what lets instances share files; the local disk is one instance's (hence not for scale-out).</summary>
    [Test]
    public async Task An_upload_through_one_instance_is_read_through_the_other_only_from_blob_storage()
    {
        var (uploader, _, _) = await _first.NewUserAsync("uploader");
        var content = new ByteArrayContent("%PDF-1.7\n%%EOF"u8.ToArray());
        content.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        var uploaded = await uploader.PostAsync("/api/v1/files", new MultipartFormDataContent { { content, "file", "plan.pdf" } });
        uploaded.StatusCode.Should().Be(HttpStatusCode.Created, await uploaded.Content.ReadAsStringAsync());
        var fileId = (await uploaded.ReadJsonAsync())["fileId"]!.GetValue<Guid>();

        await using var scope = _second.Services.CreateAsyncScope();
        var open = () => scope.ServiceProvider.GetRequiredService<ISender>().Send(new OpenStoredFile(fileId)).AsTask();
        if (store == "blob")
        {
            await using var opened = (await open())!.Content;
            using var copy = new MemoryStream();
            await opened.CopyToAsync(copy);
            copy.ToArray().Should().Equal("%PDF-1.7\n%%EOF"u8.ToArray());
        }
        else
        {
            await open.Should().ThrowAsync<FileNotFoundException>();
        }
    }

    private static async Task<byte[]> ReadAsync(IFileStorage storage, string key)
    {
        await using var stream = await storage.OpenReadAsync(key, CancellationToken.None);
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return copy.ToArray();
    }
}
