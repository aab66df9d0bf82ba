using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Spoc.Modules.Community.Data;
using Spoc.Modules.Community.Features.Calendar;
using Spoc.Modules.Community.Features.Forums;
using Spoc.Modules.Community.Features.Sessions;
using Spoc.Modules.Community.Notifications;
using Spoc.SharedKernel.Persistence;

namespace Spoc.Modules.Community;

public static class CommunityModule
{
    /// <summary>The rate-limiter policy the host defines for the Markdown preview: rendering costs more than a read, and an editor may call it often.</summary>
    public const string PreviewRateLimitPolicy = "markdown-preview";

    /// <summary>The rate-limiter policy the host defines for the calendar feeds (.ics): per token, a calendar app's polling and no more.</summary>
    public const string CalendarFeedRateLimitPolicy = "calendar-feed";

    public static IServiceCollection AddCommunityModule(this IServiceCollection services, IConfiguration configuration) =>
        services.AddModuleDbContext<CommunityDbContext>(CommunityDbContext.Schema)
            .AddSingleton<IStartupTask, Seeding.DemoForums>()
            .AddSingleton<IStartupTask, Seeding.DemoSessions>()
            .AddNotifications(configuration)
            .AddSessions(configuration);

    /// <summary>Live sessions: their times (section <c>Sessions</c>) and the preparation reminders.</summary>
    private static IServiceCollection AddSessions(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<LiveSessionOptions>(configuration.GetSection("Sessions"));
        services.AddSingleton<SessionReminders>();
        return services.AddHostedService(sp => sp.GetRequiredService<SessionReminders>());
    }

    /// <summary>The module's routes under /api/v1.</summary>
    public static IEndpointRouteBuilder MapCommunityEndpoints(this IEndpointRouteBuilder api)
    {
        MapForums(api.MapGroup("").WithTags("Community"));
        MapCalendar(api.MapGroup("").WithTags("Community"));
        MapSessions(api.MapGroup("").WithTags("Community"));
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

    private static void MapCalendar(RouteGroupBuilder calendar)
    {
        CreateCalendarFeed.MapEndpoint(calendar);
        GetCalendarFeed.MapEndpoint(calendar);
        RevokeCalendarFeed.MapEndpoint(calendar);
        GetMyCalendarFile.MapEndpoint(calendar);
        GetCohortCalendarFile.MapEndpoint(calendar);
        GetMyAgenda.MapEndpoint(calendar);
        GetCohortAgenda.MapEndpoint(calendar);
    }

    private static void MapSessions(RouteGroupBuilder sessions)
    {
        CreateSession.MapEndpoint(sessions);
        ListSessions.MapEndpoint(sessions);
        GetSession.MapEndpoint(sessions);
        UpdateSession.MapEndpoint(sessions);
        CancelSession.MapEndpoint(sessions);
        GetReadiness.MapEndpoint(sessions);
        IssueCheckInCode.MapEndpoint(sessions);
        CheckIn.MapEndpoint(sessions);
        RecordAttendance.MapEndpoint(sessions);
        GetAttendanceSheet.MapEndpoint(sessions);
        GetCohortAttendance.MapEndpoint(sessions);
    }
}
