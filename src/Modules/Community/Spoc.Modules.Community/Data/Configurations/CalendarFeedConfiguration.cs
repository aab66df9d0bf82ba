using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Spoc.Modules.Community.Domain;

namespace Spoc.Modules.Community.Data.Configurations;

internal sealed class CalendarFeedConfiguration : IEntityTypeConfiguration<CalendarFeed>
{
    public void Configure(EntityTypeBuilder<CalendarFeed> b)
    {
        b.ToTable("CalendarFeeds");
        b.HasKey(f => f.UserId);
        b.Property(f => f.TokenHash).HasMaxLength(64);
        b.HasIndex(f => f.TokenHash).IsUnique();
    }
}
