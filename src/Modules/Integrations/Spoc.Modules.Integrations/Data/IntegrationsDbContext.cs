using Microsoft.EntityFrameworkCore;
using Spoc.Modules.Integrations.Domain;
using Spoc.SharedKernel.Persistence;

namespace Spoc.Modules.Integrations.Data;

/// <summary>The Integrations module's tables, in the "integrations" schema: webhook endpoints, their secrets, messages, deliveries and attempts, outbox and inbox.</summary>
internal sealed class IntegrationsDbContext(DbContextOptions<IntegrationsDbContext> options) : ModuleDbContext(options)
{
    public const string Schema = "integrations";

    protected override string ModuleName => "Integrations";

    public DbSet<WebhookEndpoint> Endpoints => Set<WebhookEndpoint>();
    public DbSet<WebhookSecret> Secrets => Set<WebhookSecret>();
    public DbSet<WebhookMessage> Messages => Set<WebhookMessage>();
    public DbSet<WebhookDelivery> Deliveries => Set<WebhookDelivery>();
    public DbSet<WebhookAttempt> Attempts => Set<WebhookAttempt>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.Entity<WebhookEndpoint>(b =>
        {
            b.ToTable("IntegrationsWebhookEndpoints");
            b.Property(e => e.Url).HasMaxLength(2000);
            b.Property(e => e.Description).HasMaxLength(500);
            b.Property(e => e.State).HasConversion<string>().HasMaxLength(20);
            b.HasIndex(e => e.OrganizationId);
            b.HasMany(e => e.Secrets).WithOne().HasForeignKey(s => s.EndpointId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<WebhookSecret>(b =>
        {
            b.ToTable("IntegrationsWebhookSecrets");
            b.Property(s => s.Protected).HasMaxLength(1000);
            b.Property(s => s.Hint).HasMaxLength(4);
            b.Property(s => s.Id).ValueGeneratedNever(); // a secret added to a loaded endpoint is an insert, though its id is set
        });
        modelBuilder.Entity<WebhookMessage>(b =>
        {
            b.ToTable("IntegrationsWebhookMessages");
            b.HasKey(m => m.Sequence);
            b.Property(m => m.MessageId).HasMaxLength(80);
            b.Property(m => m.EventType).HasMaxLength(40);
            b.Property(m => m.Subject).HasMaxLength(100);
            // A redelivered event writes no second message for the same organisation.
            b.HasIndex(m => new { m.OrganizationId, m.MessageId }).IsUnique();
            b.HasIndex(m => m.OccurredAt); // the hourly purge
        });
        modelBuilder.Entity<WebhookDelivery>(b =>
        {
            b.ToTable("IntegrationsWebhookDeliveries");
            b.Property(d => d.Subject).HasMaxLength(100);
            b.Property(d => d.State).HasConversion<string>().HasMaxLength(20);
            b.Property(d => d.LastError).HasMaxLength(1000);
            b.HasOne(d => d.Message).WithMany().HasForeignKey(d => d.MessageSequence).OnDelete(DeleteBehavior.Restrict);
            b.HasOne<WebhookEndpoint>().WithMany().HasForeignKey(d => d.EndpointId).OnDelete(DeleteBehavior.Cascade);
            b.HasIndex(d => new { d.EndpointId, d.MessageSequence }).IsUnique();
            b.HasIndex(d => new { d.State, d.NextAttemptAt });
            // The head-of-line check: an earlier unfinished delivery of the same subject to the same endpoint.
            b.HasIndex(d => new { d.EndpointId, d.Subject, d.MessageSequence });
            b.HasIndex(d => new { d.EndpointId, d.CreatedAt });
            b.HasIndex(d => new { d.EndpointId, d.LastAttemptAt }); // each webhook's last delivery, in its list
            b.HasIndex(d => new { d.State, d.DeliveredAt }); // the hourly purge
        });
        modelBuilder.Entity<WebhookAttempt>(b =>
        {
            b.ToTable("IntegrationsWebhookAttempts");
            b.Property(a => a.Error).HasMaxLength(1000);
            b.Property(a => a.ResponseExcerpt).HasMaxLength(WebhookAttempt.ExcerptLength);
            b.HasOne<WebhookDelivery>().WithMany().HasForeignKey(a => a.DeliveryId).OnDelete(DeleteBehavior.Cascade);
            b.HasIndex(a => new { a.DeliveryId, a.At });
        });
    }
}
