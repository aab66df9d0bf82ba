using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Spoc.Modules.Platform.Auth;
using Spoc.Modules.Platform.Contracts;
using Spoc.Modules.Platform.Data;
using Spoc.SharedKernel.Http;
using Spoc.SharedKernel.Problems;
using Spoc.SharedKernel.Security;

namespace Spoc.Modules.Platform.Features.Organizations;

/// <summary>PUT /organizations/{orgId}: an org admin renames it. <c>If-Match</c> guards against overwriting someone else's change (412).</summary>
internal static class UpdateOrganization
{
    public sealed record Request(string Name);

    public sealed record Command(Guid OrganizationId, string Name, string? IfMatch) : ICommand<OrganizationResponse>;

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Name).NotEmpty().MaximumLength(200);
            RuleFor(c => c.IfMatch).MaximumLength(200);
        }
    }

    internal sealed class Handler(PlatformDbContext db, ICurrentUser me) : ICommandHandler<Command, OrganizationResponse>
    {
        public async ValueTask<OrganizationResponse> Handle(Command command, CancellationToken cancellationToken)
        {
            await db.RequireRoleAsync(command.OrganizationId, me, cancellationToken, OrganizationRole.OrgAdmin);
            var organization = await db.Organizations.FirstOrDefaultAsync(o => o.Id == command.OrganizationId, cancellationToken)
                ?? throw ProblemException.NotFound("This organisation");
            db.Expect(organization, command.IfMatch);

            organization.Name = command.Name;
            organization.Version = Guid.NewGuid();
            await db.SaveChangesAsync(cancellationToken);
            return OrganizationResponse.From(organization) with
            {
                MemberCount = await db.OrganizationMembers.CountAsync(m => m.OrganizationId == organization.Id, cancellationToken),
            };
        }
    }

    public static void MapEndpoint(IEndpointRouteBuilder api) =>
        api.MapPut("/organizations/{orgId:guid}", async (Guid orgId, Request request, [FromHeader(Name = "If-Match")] string? ifMatch,
                ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new Command(orgId, request.Name, ifMatch), ct)))
            .WithName("UpdateOrganization")
            .WithSummary("Rename an organisation (org admin)")
            .WithDescription("Org admins only (other members 403, outsiders 404). Send the `ETag` from the last read as `If-Match`: a stale one is 412; 409 concurrency-conflict when two changes race. The slug never changes.")
            .RequireAuthorization(Policies.SignedIn)
            .Problems(ProblemType.Forbidden, ProblemType.NotFound);
}
