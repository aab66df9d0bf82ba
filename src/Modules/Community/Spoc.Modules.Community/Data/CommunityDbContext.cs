using Microsoft.EntityFrameworkCore;
using Spoc.Modules.Community.Domain;
using Spoc.SharedKernel.Persistence;

namespace Spoc.Modules.Community.Data;

/// <summary>The Community module's tables, in the "community" schema: forums (threads, posts, reactions, read markers), notifications, conversations, live sessions, calendar feeds, outbox and inbox.</summary>
internal sealed class CommunityDbContext(DbContextOptions<CommunityDbContext> options) : ModuleDbContext(options)
{
    public const string Schema = "community";

    protected override string ModuleName => "Community";

    public DbSet<ForumThread> ForumThreads => Set<ForumThread>();
    public DbSet<ForumPost> ForumPosts => Set<ForumPost>();
    public DbSet<PostReaction> PostReactions => Set<PostReaction>();
    public DbSet<ThreadReadMarker> ThreadReadMarkers => Set<ThreadReadMarker>();
    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<NotificationSettings> NotificationSettings => Set<NotificationSettings>();
    public DbSet<NotificationEmail> NotificationEmails => Set<NotificationEmail>();
    public DbSet<Conversation> Conversations => Set<Conversation>();
    public DbSet<ConversationMessage> ConversationMessages => Set<ConversationMessage>();
    public DbSet<ConversationReader> ConversationReaders => Set<ConversationReader>();
    public DbSet<LiveSession> LiveSessions => Set<LiveSession>();
    public DbSet<CalendarFeed> CalendarFeeds => Set<CalendarFeed>();
    public DbSet<SessionAttendance> SessionAttendance => Set<SessionAttendance>();
    public DbSet<CheckInAttempts> CheckInAttempts => Set<CheckInAttempts>();
    public DbSet<SessionReminder> SessionReminders => Set<SessionReminder>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(CommunityDbContext).Assembly);
    }
}
