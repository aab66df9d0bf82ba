using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Spoc.Modules.Platform.Data;
using Spoc.SharedKernel.Http;
using Spoc.SharedKernel.Persistence;
using Spoc.SharedKernel.Problems;
using Spoc.SharedKernel.Security;

namespace Spoc.Modules.Platform.Features.Organizations;

/// <summary>POST /organizations: the platform admin opens an organisation (a university, a company, a training centre).</summary>
internal static class CreateOrganization
{
    /// <param name="Slug">Lower-case letters, digits and single hyphens (such as <c>institut-lumiere</c>), unique on the platform (409 slug-taken).</param>
    public sealed record Command(string Name, string Slug) : ICommand<OrganizationResponse>;

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Name).NotEmpty().MaximumLength(200);
            RuleFor(c => c.Slug).NotEmpty().Length(2, 60).Matches("^[a-z0-9]+(-[a-z0-9]+)*$")
                .WithMessage("Lower-case letters, digits and single hyphens, e.g. \"institut-lumiere\".");
        }
    }

    internal sealed class Handler(PlatformDbContext db, TimeProvider clock) : ICommandHandler<Command, OrganizationResponse>
    {
        public async ValueTask<OrganizationResponse> Handle(Command command, CancellationToken cancellationToken)
        {
            if (await db.Organizations.AnyAsync(o => o.Slug == command.Slug, cancellationToken))
            {
                throw PlatformProblems.SlugTaken.Exception();
            }

            var organization = new Organization { Name = command.Name, Slug = command.Slug, CreatedAt = clock.GetUtcNow() };
            db.Organizations.Add(organization);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException e) when (e.IsUniqueViolation())
            {
                throw PlatformProblems.SlugTaken.Exception();
            }

            return OrganizationResponse.From(organization);
        }
    }

    public static void MapEndpoint(IEndpointRouteBuilder api) =>
        api.MapPost("/organizations", async (Command command, ISender sender, CancellationToken ct) =>
            {
                var organization = await sender.Send(command, ct);
                return TypedResults.Created($"/api/v1/organizations/{organization.Id}", organization);
            })
            .WithName("CreateOrganization")
            .WithSummary("Create an organisation (platform admin)")
            .WithDescription("Platform admin only (403 otherwise). The slug is lower-case letters, digits and single hyphens (e.g. `institut-lumiere`) and unique across the platform (409 slug-taken). Then add its first org admin with `POST /organizations/{orgId}/members`.")
            .RequireAuthorization(Policies.PlatformAdmin)
            .Problems(ProblemType.Forbidden, PlatformProblems.SlugTaken);
}

/// <param name="SuspendedAt">When the platform admin suspended it; null while it is active.</param>
public sealed record OrganizationResponse(Guid Id, string Name, string Slug, DateTimeOffset CreatedAt, int MemberCount, DateTimeOffset? SuspendedAt,
    [property: System.Text.Json.Serialization.JsonIgnore] Guid Version) : Spoc.SharedKernel.Persistence.IVersioned
{
    internal static OrganizationResponse From(Organization o) => new(o.Id, o.Name, o.Slug, o.CreatedAt, o.Members.Count, o.SuspendedAt, o.Version);
}
