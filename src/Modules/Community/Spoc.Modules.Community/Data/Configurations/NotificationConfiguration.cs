using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Spoc.Modules.Community.Domain;

namespace Spoc.Modules.Community.Data.Configurations;

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> b)
    {
        b.ToTable("Notifications");
        b.Property(n => n.Kind).HasConversion<string>().HasMaxLength(30);
        b.Property(n => n.Title).HasMaxLength(300);
        b.Property(n => n.Summary).HasMaxLength(500);
        b.Property(n => n.Link).HasMaxLength(300);
        // The feed, newest first, and the unread count: both read one person's rows by this index.
        b.HasIndex(n => new { n.UserId, n.CreatedAt });
        b.HasIndex(n => new { n.AwaitsDigest, n.UserId });
    }
}

internal sealed class NotificationSettingsConfiguration : IEntityTypeConfiguration<NotificationSettings>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public void Configure(EntityTypeBuilder<NotificationSettings> b)
    {
        b.ToTable("NotificationSettings");
        b.HasKey(s => s.UserId);
        // Read and replaced as a whole with the row: one JSON document.
        b.Property(s => s.Channels).HasConversion(
                list => JsonSerializer.Serialize(list, Json),
                text => JsonSerializer.Deserialize<List<KindChannel>>(text, Json) ?? new List<KindChannel>(),
                new ValueComparer<List<KindChannel>>((x, y) => x!.SequenceEqual(y!), list => list.Count, list => list.ToList()))
            .HasMaxLength(2000);
    }
}

internal sealed class NotificationEmailConfiguration : IEntityTypeConfiguration<NotificationEmail>
{
    public void Configure(EntityTypeBuilder<NotificationEmail> b)
    {
        b.ToTable("NotificationEmails");
        b.Property(e => e.To).HasMaxLength(320);
        b.Property(e => e.Subject).HasMaxLength(400);
        b.Property(e => e.Body).HasMaxLength(40_000);
        b.Property(e => e.State).HasConversion<string>().HasMaxLength(20);
        b.Property(e => e.LastError).HasMaxLength(2000);
        b.HasIndex(e => new { e.State, e.DueAt });
        // One digest per person and day, however many digest runs (or instances) try.
        b.HasIndex(e => new { e.UserId, e.DigestOf }).IsUnique(); // SQL Server filters out NULLs by convention, SQLite never matches them
    }
}

internal sealed class ConversationConfiguration : IEntityTypeConfiguration<Conversation>
{
    public void Configure(EntityTypeBuilder<Conversation> b)
    {
        b.ToTable("Conversations");
        b.HasIndex(c => new { c.CohortId, c.LearnerId }).IsUnique();
        b.HasIndex(c => new { c.CohortId, c.LastMessageAt });
    }
}

internal sealed class ConversationMessageConfiguration : IEntityTypeConfiguration<ConversationMessage>
{
    public void Configure(EntityTypeBuilder<ConversationMessage> b)
    {
        b.ToTable("ConversationMessages");
        b.Property(m => m.Body).HasMaxLength(Features.Conversations.SendMessage.MaxBody);
        b.Property(m => m.BodyHtml).HasMaxLength(Features.Conversations.SendMessage.MaxBody * 4);
        b.HasIndex(m => new { m.ConversationId, m.SentAt });
        b.HasOne<Conversation>().WithMany().HasForeignKey(m => m.ConversationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ConversationReaderConfiguration : IEntityTypeConfiguration<ConversationReader>
{
    public void Configure(EntityTypeBuilder<ConversationReader> b)
    {
        b.ToTable("ConversationReaders");
        b.HasKey(r => new { r.ConversationId, r.UserId });
        b.HasOne<Conversation>().WithMany().HasForeignKey(r => r.ConversationId).OnDelete(DeleteBehavior.Cascade);
    }
}
