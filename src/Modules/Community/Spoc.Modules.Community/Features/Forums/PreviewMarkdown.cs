using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Spoc.SharedKernel.Http;
using Spoc.SharedKernel.Security;
using Spoc.SharedKernel.Text;
using Spoc.SharedKernel.Validation;

namespace Spoc.Modules.Community.Features.Forums;

/// <summary>
/// POST /markdown/preview: the HTML a post or a message would be published as, rendered and sanitised by the same pipeline
/// (<see cref="Markdown.ToSafeHtml"/>), so the editor's "Aperçu" tab never differs from what readers will see. A POST:
/// its answer reflects the caller's text, so, like every write, it is never compressed (BREACH, see Compression.cs).
/// </summary>
internal static class PreviewMarkdown
{
    /// <param name="Body">The Markdown being written, at most 20,000 characters (a post's limit).</param>
    public sealed record Query([property: MultiLine] string Body) : IQuery<Response>;

    /// <param name="Html">The sanitised HTML, exactly as it would be published (mentions aside: they are resolved against the thread's readers on publishing).</param>
    public sealed record Response(string Html);

    internal sealed class Validator : AbstractValidator<Query>
    {
        public Validator() => RuleFor(r => r.Body).NotNull().MaximumLength(PostComposer.MaxBodyLength);
    }

    internal sealed class Handler : IQueryHandler<Query, Response>
    {
        public ValueTask<Response> Handle(Query query, CancellationToken cancellationToken) => ValueTask.FromResult(new Response(Markdown.ToSafeHtml(query.Body)));
    }

    public static void MapEndpoint(IEndpointRouteBuilder api) =>
        api.MapPost("/markdown/preview", async (Query request, ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(request, ct)))
            .WithName("PreviewMarkdown")
            .WithSummary("Render Markdown as it would be published (the editor's preview)")
            .WithDescription("Any signed-in user. Answers the sanitised HTML that a post, a reply, an edit, an announcement or a private message with this `body` would show, through the same Markdig and sanitiser pipeline; nothing is stored. `body` is at most 20,000 characters (400 beyond; a body over the JSON limit is 413). Rate limited per user (`RateLimiting:PreviewPermitsPerCaller`, 120 a minute: 429 beyond). Never compressed, like every write.")
            .RequireAuthorization(Policies.SignedIn)
            .RequireRateLimiting(CommunityModule.PreviewRateLimitPolicy);
}
