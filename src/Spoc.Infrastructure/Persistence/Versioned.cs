using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Metadata.Conventions;

namespace Spoc.SharedKernel.Persistence;

/// <summary>
/// A resource with a version: the entity's concurrency token, and its <c>ETag</c> on the wire. Entities implementing it get
/// a new version on every save that changes them (<see cref="ModuleDbContext"/>); responses implementing it get the
/// <c>ETag</c> header and answer <c>If-None-Match</c> (<see cref="Http.ConditionalRequests"/>).
/// </summary>
public interface IVersioned
{
    Guid Version { get; }
}

/// <summary>Makes <see cref="IVersioned.Version"/> the concurrency token of every versioned entity, so each update is <c>WHERE Version = @read</c>.</summary>
internal sealed class VersionIsConcurrencyToken : IModelFinalizingConvention
{
    public void ProcessModelFinalizing(IConventionModelBuilder modelBuilder, IConventionContext<IConventionModelBuilder> context)
    {
        foreach (var entity in modelBuilder.Metadata.GetEntityTypes().Where(e => typeof(IVersioned).IsAssignableFrom(e.ClrType)))
        {
            entity.FindProperty(nameof(IVersioned.Version))?.Builder.IsConcurrencyToken(true);
        }
    }
}
