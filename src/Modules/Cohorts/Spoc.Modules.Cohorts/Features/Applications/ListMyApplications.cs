using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Spoc.Modules.Cohorts.Data;
using Spoc.SharedKernel.Paging;
using Spoc.SharedKernel.Security;

namespace Spoc.Modules.Cohorts.Features.Applications;

/// <summary>GET /me/applications: the caller's applications with the decisions and notes the staff gave.</summary>
internal static class ListMyApplications
{
    public sealed record Query(PageRequest Paging) : IQuery<PagedResult<ApplicationResponse>>;

    internal sealed class Validator : AbstractValidator<Query>
    {
        public Validator() => RuleFor(q => q.Paging).SetValidator(new PageRequestValidator());
    }

    internal sealed class Handler(CohortsDbContext db, ISender sender, ICurrentUser me) : IQueryHandler<Query, PagedResult<ApplicationResponse>>
    {
        public async ValueTask<PagedResult<ApplicationResponse>> Handle(Query query, CancellationToken cancellationToken)
        {
            var page = await db.Applications.AsNoTracking()
                .Where(a => a.ApplicantId == me.Id)
                .OrderByDescending(a => a.SubmittedAt).ThenBy(a => a.Id)
                .Select(ApplicationRows.Row)
                .ToPageAsync(query.Paging, cancellationToken);
            return await ApplicationRows.ToResponsesAsync(page, sender, withNames: false, cancellationToken);
        }
    }

    public static void MapEndpoint(IEndpointRouteBuilder api) =>
        api.MapGet("/me/applications", async ([AsParameters] PageRequest paging, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new Query(paging), ct)))
            .WithName("ListMyApplications")
            .WithSummary("The caller's applications and their decisions")
            .WithDescription("Any signed-in user sees their own applications to every cohort, newest first and paged, each with its status and the decision note the staff gave; nobody else's.")
            .RequireAuthorization(Policies.SignedIn);
}
