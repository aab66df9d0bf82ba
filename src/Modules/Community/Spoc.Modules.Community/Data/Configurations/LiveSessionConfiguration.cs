using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Spoc.Modules.Community.Domain;

namespace Spoc.Modules.Community.Data.Configurations;

internal sealed class LiveSessionConfiguration : IEntityTypeConfiguration<LiveSession>
{
    public void Configure(EntityTypeBuilder<LiveSession> b)
    {
        b.ToTable("LiveSessions");
        b.Property(s => s.Title).HasMaxLength(200);
        b.Property(s => s.Description).HasMaxLength(20_000);
        b.Property(s => s.DescriptionHtml).HasMaxLength(80_000);
        b.Property(s => s.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(s => s.MeetingUrl).HasMaxLength(2_000);
        b.Property(s => s.Place).HasMaxLength(200);
        b.Property(s => s.Room).HasMaxLength(100);
        b.Property(s => s.Address).HasMaxLength(500);
        b.Property(s => s.CancellationReason).HasMaxLength(500);
        b.Property(s => s.CheckInCode).HasMaxLength(CheckInCodes.Length);
        b.HasMany(s => s.Preparations).WithOne().HasForeignKey(p => p.SessionId);
        b.HasIndex(s => new { s.CohortId, s.StartsAt });
        b.HasIndex(s => s.SeriesId);
    }
}

internal sealed class SessionPreparationConfiguration : IEntityTypeConfiguration<SessionPreparation>
{
    public void Configure(EntityTypeBuilder<SessionPreparation> b)
    {
        b.ToTable("LiveSessionPreparations");
        b.HasKey(p => new { p.SessionId, p.ActivityId });
    }
}

internal sealed class SessionAttendanceConfiguration : IEntityTypeConfiguration<SessionAttendance>
{
    public void Configure(EntityTypeBuilder<SessionAttendance> b)
    {
        b.ToTable("LiveSessionAttendance");
        b.HasKey(a => new { a.SessionId, a.UserId });
        b.Property(a => a.Status).HasConversion<string>().HasMaxLength(20);
    }
}

internal sealed class CheckInAttemptsConfiguration : IEntityTypeConfiguration<CheckInAttempts>
{
    public void Configure(EntityTypeBuilder<CheckInAttempts> b)
    {
        b.ToTable("LiveSessionCheckInAttempts");
        b.HasKey(a => new { a.SessionId, a.UserId });
    }
}

internal sealed class SessionReminderConfiguration : IEntityTypeConfiguration<SessionReminder>
{
    public void Configure(EntityTypeBuilder<SessionReminder> b)
    {
        b.ToTable("LiveSessionReminders");
        b.HasKey(r => new { r.SessionId, r.UserId });
    }
}
