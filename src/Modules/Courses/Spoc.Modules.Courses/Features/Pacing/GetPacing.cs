using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Spoc.Modules.Courses.Data;
using Spoc.Modules.Courses.Domain;
using Spoc.SharedKernel.Http;
using Spoc.SharedKernel.Persistence;
using Spoc.SharedKernel.Problems;
using Spoc.SharedKernel.Security;

namespace Spoc.Modules.Courses.Features.Pacing;

/// <summary>GET /cohorts/{cohortId}/members/{userId}/pacing: what <see cref="SetPacing"/> last stored for this learner, as it was written (trainers, org admins, the learner's mentor).</summary>
internal static class GetPacing
{
    public sealed record Query(Guid CohortId, Guid UserId) : IQuery<Response>;

    public sealed record Response(IReadOnlyList<SetPacing.Shift> Shifts, IReadOnlyList<SetPacing.ExtraInput> ExtraResources,
        [property: System.Text.Json.Serialization.JsonIgnore] Guid Version) : IVersioned;

    internal sealed class Handler(CoursesDbContext db, ISender sender, ICurrentUser me) : IQueryHandler<Query, Response>
    {
        public async ValueTask<Response> Handle(Query query, CancellationToken cancellationToken)
        {
            var access = await sender.RequireInsideAsync(query.CohortId, me.Id, cancellationToken);
            if (!access.CanActOn(query.UserId))
            {
                throw ProblemException.Forbidden("Only trainers, org admins and the learner's own mentor see a learner's pacing.");
            }

            var shifts = await db.PacingShifts.AsNoTracking().Where(p => p.CohortId == query.CohortId && p.UserId == query.UserId)
                .OrderBy(p => p.Id).Select(p => new SetPacing.Shift(p.ActivityId, p.Days)).ToListAsync(cancellationToken);
            var extras = await db.ExtraResources.AsNoTracking().Where(r => r.CohortId == query.CohortId && r.UserId == query.UserId)
                .OrderBy(r => r.Id).Select(r => new SetPacing.ExtraInput(r.Title, r.Url, r.ContentMarkdown)).ToListAsync(cancellationToken);
            var version = await db.Pacings.Where(p => p.CohortId == query.CohortId && p.UserId == query.UserId).Select(p => p.Version).FirstOrDefaultAsync(cancellationToken);
            return new Response(shifts, extras, version);
        }
    }

    public static void MapEndpoint(IEndpointRouteBuilder api) =>
        api.MapGet("/cohorts/{cohortId:guid}/members/{userId:guid}/pacing", async (Guid cohortId, Guid userId, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new Query(cohortId, userId), ct)))
            .WithName("GetPacing")
            .WithSummary("A learner's personal due-date shifts and extra resources, as set (trainers, org admins, the learner's mentor)")
            .WithDescription("The shifts (in days, for one activity or for all when `activityId` is null) and the extra resources (Markdown kept as written) last stored by `SetPacing`, with their `ETag` to send back as `If-Match`. Trainers, org admins and the learner's own mentor; another mentor or a learner gets 403, someone outside the cohort 404.")
            .RequireAuthorization(Policies.SignedIn)
            .Problems(ProblemType.Forbidden, ProblemType.NotFound);
}
