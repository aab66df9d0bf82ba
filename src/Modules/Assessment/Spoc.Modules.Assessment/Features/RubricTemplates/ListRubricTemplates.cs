using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Spoc.Modules.Assessment.Data;
using Spoc.SharedKernel.Http;
using Spoc.SharedKernel.Paging;
using Spoc.SharedKernel.Problems;
using Spoc.SharedKernel.Security;

namespace Spoc.Modules.Assessment.Features.RubricTemplates;

/// <summary>GET /organizations/{organizationId}/rubric-templates: the organisation's rubric templates, by title.</summary>
internal static class ListRubricTemplates
{
    public sealed record Query(Guid OrganizationId, PageRequest Paging) : IQuery<PagedResult<RubricTemplateResponse>>;

    internal sealed class Validator : AbstractValidator<Query>
    {
        public Validator() => RuleFor(q => q.Paging).SetValidator(new PageRequestValidator());
    }

    internal sealed class Handler(AssessmentDbContext db, ISender sender, ICurrentUser me) : IQueryHandler<Query, PagedResult<RubricTemplateResponse>>
    {
        public async ValueTask<PagedResult<RubricTemplateResponse>> Handle(Query query, CancellationToken cancellationToken)
        {
            await sender.RequireTemplateAuthorAsync(query.OrganizationId, me.Id, cancellationToken);
            var page = await db.RubricTemplates.AsNoTracking()
                .Where(t => t.OrganizationId == query.OrganizationId)
                .OrderBy(t => t.Title).ThenBy(t => t.Id)
                .ToPageAsync(query.Paging, cancellationToken);
            return new PagedResult<RubricTemplateResponse>(page.Items.Select(RubricTemplateResponse.From).ToList(), page.Page, page.PageSize, page.TotalCount);
        }
    }

    public static void MapEndpoint(IEndpointRouteBuilder api) =>
        api.MapGet("/organizations/{organizationId:guid}/rubric-templates", async (Guid organizationId, [AsParameters] PageRequest paging, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new Query(organizationId, paging), ct)))
            .WithName("ListRubricTemplates")
            .WithSummary("The organisation's rubric templates, by title (org admins, trainers)")
            .WithDescription("The organisation's admins and trainers (its mentors and learners 403; others 404). Paged.")
            .RequireAuthorization(Policies.SignedIn)
            .Problems(ProblemType.Forbidden, ProblemType.NotFound);
}
