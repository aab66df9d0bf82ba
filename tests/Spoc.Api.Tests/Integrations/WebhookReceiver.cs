using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using StandardWebhooks;
using StandardWebhooks.Diagnostics;

namespace Spoc.Api.Tests.Integrations;

/// <summary>One request as the receiver got it, and whether the Standard Webhooks library accepted its signature.</summary>
public sealed record ReceivedWebhook(string Id, long Timestamp, string Signature, string Body, bool Verified)
{
    public JsonObject Json => JsonNode.Parse(Body)!.AsObject();

    public string Type => Json["type"]!.GetValue<string>();
}

/// <summary>
/// Another system's endpoint on 127.0.0.1 (Kestrel, a random port): records each request, verifies it with the
/// StandardWebhooks package (an implementation independent of ours), and answers as scripted (status, delay).
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;

    private WebhookReceiver(WebApplication app) => _app = app;

    public ConcurrentQueue<ReceivedWebhook> Received { get; } = new();

    /// <summary>The secrets a request must verify with (any of them); set after the webhook is created.</summary>
    public IReadOnlyList<string> Secrets { get; set; } = [];

    /// <summary>What to answer to a request (its body as JSON): 200 unless told otherwise.</summary>
    public Func<ReceivedWebhook, (int Status, TimeSpan Delay)> Answer { get; set; } = _ => (200, TimeSpan.Zero);

    public string Url { get; private set; } = "";

    public static async Task<WebhookReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new WebhookReceiver(app);
        app.MapPost("/{**path}", async (HttpRequest request) =>
        {
            using var reader = new StreamReader(request.Body);
            var body = await reader.ReadToEndAsync();
            var verified = receiver.Secrets.Any(secret =>
            {
                try
                {
                    new StandardWebhook(secret).Verify(body, request.Headers);
                    return true;
                }
                catch (WebhookVerificationException)
                {
                    return false;
                }
            });
            var received = new ReceivedWebhook(request.Headers["webhook-id"].ToString(), long.Parse(request.Headers["webhook-timestamp"].ToString(), System.Globalization.CultureInfo.InvariantCulture),
                request.Headers["webhook-signature"].ToString(), body, verified);
            var (status, delay) = receiver.Answer(received);
            receiver.Received.Enqueue(received);
            await Task.Delay(delay);
            return Results.Text($"answered {status}", statusCode: status);
        });
        await app.StartAsync();
        receiver.Url = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single() + "/hooks";
        return receiver;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
