using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Spoc.Modules.Courses.Data;
using Spoc.Modules.Platform.Contracts;
using Spoc.SharedKernel.Paging;
using Spoc.SharedKernel.Security;

namespace Spoc.Modules.Courses.Features.Courses;

/// <summary>GET /courses: the courses of the caller's organisations, drafts only for their authors (every course for the platform admin).</summary>
internal static class ListCourses
{
    public sealed record Query(Guid? OrganizationId, PageRequest Paging) : IQuery<PagedResult<CourseResponse>>;

    internal sealed class Validator : AbstractValidator<Query>
    {
        public Validator() => RuleFor(q => q.Paging).SetValidator(new PageRequestValidator());
    }

    internal sealed class Handler(CoursesDbContext db, ISender sender, ICurrentUser me) : IQueryHandler<Query, PagedResult<CourseResponse>>
    {
        public async ValueTask<PagedResult<CourseResponse>> Handle(Query query, CancellationToken cancellationToken)
        {
            var mine = await sender.Send(new GetUserOrganizations(me.Id), cancellationToken);
            var authoring = mine.Memberships.Where(m => m.Role is OrganizationRole.OrgAdmin or OrganizationRole.Trainer).Select(m => m.OrganizationId).ToList();
            var organizations = mine.Memberships.Select(m => m.OrganizationId).ToList();
            return await db.Courses.AsNoTracking()
                .Where(c => mine.IsPlatformAdmin || authoring.Contains(c.OrganizationId) || (c.IsPublished && organizations.Contains(c.OrganizationId)))
                .Where(c => query.OrganizationId == null || c.OrganizationId == query.OrganizationId)
                .OrderBy(c => c.Title).ThenBy(c => c.Id)
                .Select(c => new CourseResponse(c.Id, c.OrganizationId, c.Title, c.Summary, c.Language,
                    c.Competencies.OrderBy(x => x.Code).Select(x => new CompetencyResponse(x.Code, x.Title)).ToList(), c.IsPublished, c.CreatedAt, c.Version))
                .ToPageAsync(query.Paging, cancellationToken);
        }
    }

    public static void MapEndpoint(IEndpointRouteBuilder api) =>
        api.MapGet("/courses", async (Guid? organizationId, [AsParameters] PageRequest paging, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new Query(organizationId, paging), ct)))
            .WithName("ListCourses")
            .WithSummary("Courses of the caller's organisations")
            .WithDescription("Published courses of the caller's organisations, plus drafts where the caller is an org admin or trainer; every course for the platform admin. `organizationId` narrows to one organisation; paged.")
            .RequireAuthorization(Policies.SignedIn);
}
