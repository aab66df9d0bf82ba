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

/// <summary>DELETE /courses/{courseId}/activities/{activityId}. <c>If-Match</c> → 412 when it changed since read.</summary>
internal static class DeleteActivity
{
    public sealed record Command(Guid CourseId, Guid ActivityId, string? IfMatch) : ICommand;

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.IfMatch).MaximumLength(200);
    }

    internal sealed class Handler(CoursesDbContext db, CourseGate gate) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            await gate.RequireStaffAsync(command.CourseId, cancellationToken);
            var activity = await db.Set<Activity>().FirstOrDefaultAsync(a => a.Id == command.ActivityId && a.CourseId == command.CourseId, cancellationToken)
                ?? throw ProblemException.NotFound("This activity");
            db.Expect(activity, command.IfMatch);
            db.Remove(activity);
            var siblings = await db.Set<Activity>().Where(a => a.SectionId == activity.SectionId && a.Id != activity.Id).OrderBy(a => a.Position).ToListAsync(cancellationToken);
            siblings.Renumber();

            await db.SaveChangesAsync(cancellationToken);
            return Unit.Value;
        }
    }

    public static void MapEndpoint(IEndpointRouteBuilder api) =>
        api.MapDelete("/courses/{courseId:guid}/activities/{activityId:guid}", async (Guid courseId, Guid activityId, [FromHeader(Name = "If-Match")] string? ifMatch, ISender sender, CancellationToken ct) =>
            {
                await sender.Send(new Command(courseId, activityId, ifMatch), ct);
                return TypedResults.NoContent();
            })
            .WithName("DeleteActivity")
            .WithSummary("Delete an activity (course staff)")
            .WithDescription("Course staff only (learners 403, outsiders 404). The section's later activities move up one. Send its `ETag` as `If-Match`: 412 when it changed since read.")
            .RequireAuthorization(Policies.SignedIn)
            .Problems(ProblemType.Forbidden, ProblemType.NotFound);
}
