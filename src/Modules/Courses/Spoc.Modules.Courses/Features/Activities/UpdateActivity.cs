using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Spoc.Modules.Courses.Data;
using Spoc.Modules.Courses.Domain;
using Spoc.SharedKernel.Http;
using Spoc.SharedKernel.Problems;
using Spoc.SharedKernel.Security;

namespace Spoc.Modules.Courses.Features.Activities;

/// <summary>PUT /courses/{courseId}/activities/{activityId}: edit, move to another section or position. <c>If-Match</c> → 412 on a stale copy.</summary>
internal static class UpdateActivity
{
    public sealed record Command(Guid CourseId, Guid ActivityId, string? IfMatch, ActivityInput Activity) : ICommand<ActivityResponse>;

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.IfMatch).MaximumLength(200);
            RuleFor(c => c.Activity).SetValidator(new ActivityInputValidator());
        }
    }

    internal sealed class Handler(CoursesDbContext db, CourseGate gate, ISender sender, ICurrentUser me) : ICommandHandler<Command, ActivityResponse>
    {
        public async ValueTask<ActivityResponse> Handle(Command command, CancellationToken cancellationToken)
        {
            await gate.RequireStaffAsync(command.CourseId, cancellationToken);
            var activity = await db.Set<Activity>().FirstOrDefaultAsync(a => a.Id == command.ActivityId && a.CourseId == command.CourseId, cancellationToken)
                ?? throw ProblemException.NotFound("This activity");
            db.Expect(activity, command.IfMatch);
            var previousSection = activity.SectionId;
            await ActivityAuthoring.ApplyAsync(db, sender, me.Id, activity, command.Activity, cancellationToken);
            if (previousSection != activity.SectionId)
            {
                var left = await db.Set<Activity>().Where(a => a.SectionId == previousSection && a.Id != activity.Id).OrderBy(a => a.Position).ToListAsync(cancellationToken);
                left.Renumber();
            }

            await db.SaveChangesAsync(cancellationToken);
            return ActivityResponse.From(activity);
        }
    }

    public static void MapEndpoint(IEndpointRouteBuilder api) =>
        api.MapPut("/courses/{courseId:guid}/activities/{activityId:guid}", async (Guid courseId, Guid activityId, ActivityInput activity, [FromHeader(Name = "If-Match")] string? ifMatch, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new Command(courseId, activityId, ifMatch, activity), ct)))
            .WithName("UpdateActivity")
            .WithSummary("Edit or move an activity (course staff)")
            .WithDescription("Course staff only (learners 403, outsiders 404). Replaces the whole activity with the same rules as creation: kind-dependent `content`, `url` and `fileId`, and the course's competency codes. A new `sectionId` or `position` moves it, renumbering its siblings. Send its `ETag` as `If-Match` (stale: 412).")
            .RequireAuthorization(Policies.SignedIn)
            .Problems(ProblemType.Forbidden, ProblemType.NotFound);
}
