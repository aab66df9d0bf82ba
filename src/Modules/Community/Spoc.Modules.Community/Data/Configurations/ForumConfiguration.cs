using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Spoc.Modules.Community.Domain;

namespace Spoc.Modules.Community.Data.Configurations;

internal sealed class ForumThreadConfiguration : IEntityTypeConfiguration<ForumThread>
{
    public void Configure(EntityTypeBuilder<ForumThread> b)
    {
        b.ToTable("ForumThreads");
        b.Property(t => t.Title).HasMaxLength(200);
        b.HasMany(t => t.Audience).WithOne().HasForeignKey(a => a.ThreadId);
        b.HasIndex(t => new { t.CohortId, t.IsPinned, t.LastPostAt });
    }
}

internal sealed class ThreadAudienceConfiguration : IEntityTypeConfiguration<ThreadAudience>
{
    public void Configure(EntityTypeBuilder<ThreadAudience> b)
    {
        b.ToTable("ForumThreadAudiences");
        b.HasKey(a => new { a.ThreadId, a.GroupId });
    }
}

internal sealed class ForumPostConfiguration : IEntityTypeConfiguration<ForumPost>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public void Configure(EntityTypeBuilder<ForumPost> b)
    {
        b.ToTable("ForumPosts");
        b.Property(p => p.Body).HasMaxLength(20_000);
        b.Property(p => p.BodyHtml).HasMaxLength(80_000);
        b.Property(p => p.HiddenReason).HasMaxLength(500);
        b.Property(p => p.MentionedUserIds).HasConversion(
                ids => JsonSerializer.Serialize(ids, Json), text => JsonSerializer.Deserialize<List<Guid>>(text, Json) ?? new List<Guid>(),
                new ValueComparer<List<Guid>>((x, y) => x!.SequenceEqual(y!), l => l.Count, l => l.ToList()))
            .HasMaxLength(4_000);
        b.Property(p => p.Attachments).HasConversion(
                files => JsonSerializer.Serialize(files, Json), text => JsonSerializer.Deserialize<List<PostAttachment>>(text, Json) ?? new List<PostAttachment>(),
                new ValueComparer<List<PostAttachment>>((x, y) => x!.SequenceEqual(y!), l => l.Count, l => l.ToList()))
            .HasMaxLength(4_000);

        // Two posts racing for the same number: impossible by construction (the number comes from an SQL increment), and the index says so.
        b.HasIndex(p => new { p.ThreadId, p.Number }).IsUnique();
        b.HasIndex(p => p.CohortId);
    }
}

internal sealed class PostReactionConfiguration : IEntityTypeConfiguration<PostReaction>
{
    public void Configure(EntityTypeBuilder<PostReaction> b)
    {
        b.ToTable("ForumReactions");
        b.HasKey(r => new { r.PostId, r.UserId, r.Emoji });
        b.Property(r => r.Emoji).HasMaxLength(20);
    }
}

internal sealed class ThreadReadMarkerConfiguration : IEntityTypeConfiguration<ThreadReadMarker>
{
    public void Configure(EntityTypeBuilder<ThreadReadMarker> b)
    {
        b.ToTable("ForumReadMarkers");
        b.HasKey(m => new { m.ThreadId, m.UserId });
        b.HasIndex(m => m.UserId);
    }
}
