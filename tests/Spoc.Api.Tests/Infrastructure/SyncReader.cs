using System.Net;
using System.Text.Json.Nodes;
using AwesomeAssertions;

namespace Spoc.Api.Tests.Infrastructure;

/// <summary>
/// A system syncing one list by <c>updatedSince</c> (ADR 0046), as every synced list's tests read it: a page of changes
/// after a cursor, the cursor an item gives, and every page until none is left.
/// </summary>
/// <param name="route">The list, e.g. <c>/api/v1/cohorts/{id}/members</c>.</param>
/// <param name="idName">The item's member that <c>afterId</c> takes (<c>userId</c> for the roster, <c>id</c> elsewhere).</param>
internal sealed class SyncReader(SpocApiFactory factory, HttpClient caller, string route, string idName = "id")
{
    /// <summary>A sync from before anything the test made: every item of the list.</summary>
    public static readonly DateTimeOffset Beginning = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public async Task<List<JsonObject>> ChangesAsync(DateTimeOffset since, Guid? afterId = null, int pageSize = 100)
    {
        var response = await caller.GetAsync(Url(since, afterId, pageSize));
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync() + string.Join("\n", factory.Logs.Where(l => l.Contains("Exception"))));
        var body = await response.ReadJsonAsync();
        var items = body["items"]!.AsArray().Select(i => i!.AsObject()).ToList();
        body["totalCount"]!.GetValue<int>().Should().BeGreaterThanOrEqualTo(items.Count, "the total counts what is left from the cursor, this page included");
        return items;
    }

    /// <summary>The page after <paramref name="item"/>, the last one read.</summary>
    public Task<List<JsonObject>> AfterAsync(JsonObject item, int pageSize = 100)
    {
        var (at, id) = CursorOf(item);
        return ChangesAsync(at, id, pageSize);
    }

    /// <summary>The cursor an item gives: its <c>updatedAt</c> exactly as received, and its id.</summary>
    public (DateTimeOffset At, Guid Id) CursorOf(JsonObject item) => (item["updatedAt"]!.GetValue<DateTimeOffset>(), IdOf(item));

    public Guid IdOf(JsonObject item) => item[idName]!.GetValue<Guid>();

    /// <summary>Every page from <paramref name="since"/> until an empty one, running <paramref name="afterFirstPage"/> once between the first two.</summary>
    public async Task<List<JsonObject>> PageThroughAsync(DateTimeOffset since, int pageSize, Func<IReadOnlyList<JsonObject>, Task> afterFirstPage)
    {
        var page = await ChangesAsync(since, pageSize: pageSize);
        var read = new List<JsonObject>(page);
        await afterFirstPage(page);
        while (page.Count > 0)
        {
            page = await AfterAsync(page[^1], pageSize);
            read.AddRange(page);
        }

        return read;
    }

    public string Url(DateTimeOffset since, Guid? afterId = null, int pageSize = 100) =>
        $"{route}?updatedSince={Uri.EscapeDataString(since.ToString("O"))}&pageSize={pageSize}" + (afterId is { } a ? $"&afterId={a}" : "");
}
