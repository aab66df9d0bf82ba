using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Spoc.Modules.Community.Data;
using Spoc.Modules.Community.Features.Forums;
using Spoc.Modules.Community.Notifications;
using Spoc.SharedKernel.Persistence;

namespace Spoc.Modules.Community;

public static class CommunityModule
{
    /// <summary>The rate-limiter policy the host defines for the Markdown preview: rendering costs more than a read, and an editor may call it often.</summary>
    public const string PreviewRateLimitPolicy = "markdown-preview";

    public static IServiceCollection AddCommunityModule(this IServiceCollection services, IConfiguration configuration) =>
        services.AddModuleDbContext<CommunityDbContext>(CommunityDbContext.Schema)
            .AddSingleton<IStartupTask, Seeding.DemoForums>()
            .AddNotifications(configuration);

    /// <summary>The module's routes under /api/v1.</summary>
    public static IEndpointRouteBuilder MapCommunityEndpoints(this IEndpointRouteBuilder api)
    {
        MapForums(api.MapGroup("").WithTags("Community"));
        return api.MapNotifications();
    }

    private static void MapForums(RouteGroupBuilder forums)
    {
        CreateThread.MapEndpoint(forums);
        ListThreads.MapEndpoint(forums);
        GetForumSummary.MapEndpoint(forums);
        ListMentionable.MapEndpoint(forums);
        GetThread.MapEndpoint(forums);
        UpdateThread.MapEndpoint(forums);
        MarkAnswer.MapEndpoint(forums);
        CreatePost.MapEndpoint(forums);
        EditPost.MapEndpoint(forums);
        DeletePost.MapEndpoint(forums);
        HidePost.MapEndpoint(forums);
        UnhidePost.MapEndpoint(forums);
        ReactToPost.MapEndpoint(forums);
        RemoveReaction.MapEndpoint(forums);
        DownloadPostFile.MapEndpoint(forums);
        PreviewMarkdown.MapEndpoint(forums);
    }
}
