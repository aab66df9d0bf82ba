using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Spoc.Modules.Community.Features.Conversations;
using Spoc.Modules.Community.Features.Notifications;

namespace Spoc.Modules.Community.Notifications;

/// <summary>Notifications, their mail and digest, and private conversations: registered and mapped from one place.</summary>
internal static class NotificationsSetup
{
    public static IServiceCollection AddNotifications(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<NotificationOptions>(configuration.GetSection("Notifications"));
        services.AddSingleton<EmailSignal>();
        services.AddScoped<Notifier>();
        services.AddHostedService<NotificationMailer>();
        services.AddHostedService<DailyDigest>();
        services.AddSingleton<Spoc.SharedKernel.Persistence.IStartupTask, Seeding.DemoConversation>();
        return services;
    }

    public static IEndpointRouteBuilder MapNotifications(this IEndpointRouteBuilder api)
    {
        var notifications = api.MapGroup("").WithTags("Community");
        ListNotifications.MapEndpoint(notifications);
        GetUnreadCount.MapEndpoint(notifications);
        MarkNotificationRead.MapEndpoint(notifications);
        MarkAllNotificationsRead.MapEndpoint(notifications);
        GetNotificationPreferences.MapEndpoint(notifications);
        UpdateNotificationPreferences.MapEndpoint(notifications);

        var conversations = api.MapGroup("").WithTags("Community");
        ListConversations.MapEndpoint(conversations);
        OpenConversation.MapEndpoint(conversations);
        GetConversation.MapEndpoint(conversations);
        ListMessages.MapEndpoint(conversations);
        SendMessage.MapEndpoint(conversations);
        MarkConversationRead.MapEndpoint(conversations);
        return api;
    }
}
