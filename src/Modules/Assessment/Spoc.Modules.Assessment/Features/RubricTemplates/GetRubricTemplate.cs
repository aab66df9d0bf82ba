using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Spoc.Modules.Assessment.Data;
using Spoc.SharedKernel.Http;
using Spoc.SharedKernel.Problems;
using Spoc.SharedKernel.Security;

namespace Spoc.Modules.Assessment.Features.RubricTemplates;

/// <summary>GET /organizations/{organizationId}/rubric-templates/{templateId}: one template, with its <c>ETag</c>.</summary>
internal static class GetRubricTemplate
{
    public sealed record Query(Guid OrganizationId, Guid TemplateId) : IQuery<RubricTemplateResponse>;

    internal sealed class Handler(AssessmentDbContext db, ISender sender, ICurrentUser me) : IQueryHandler<Query, RubricTemplateResponse>
    {
        public async ValueTask<RubricTemplateResponse> Handle(Query query, CancellationToken cancellationToken)
        {
            await sender.RequireTemplateAuthorAsync(query.OrganizationId, me.Id, cancellationToken);
            var template = await db.RubricTemplates.AsNoTracking().FirstOrDefaultAsync(t => t.Id == query.TemplateId && t.OrganizationId == query.OrganizationId, cancellationToken)
                ?? throw ProblemException.NotFound("This rubric template");
            return RubricTemplateResponse.From(template);
        }
    }

    public static void MapEndpoint(IEndpointRouteBuilder api) =>
        api.MapGet("/organizations/{organizationId:guid}/rubric-templates/{templateId:guid}", async (Guid organizationId, Guid templateId, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new Query(organizationId, templateId), ct)))
            .WithName("GetRubricTemplate")
            .WithSummary("One rubric template (org admins, trainers)")
            .WithDescription("The organisation's admins and trainers (its mentors and learners 403; others, and another organisation's template, 404). Answers an `ETag` for `PUT` and `DELETE` (`If-Match`).")
            .RequireAuthorization(Policies.SignedIn)
            .Problems(ProblemType.Forbidden, ProblemType.NotFound);
}
