using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Spoc.Modules.Courses.Data;
using Spoc.Modules.Courses.Domain;
using Spoc.SharedKernel.Http;
using Spoc.SharedKernel.Problems;
using Spoc.SharedKernel.Security;

namespace Spoc.Modules.Courses.Features.Activities;

/// <summary>POST /courses/{courseId}/activities: course staff add a lesson, resource, video or preparation to a section.</summary>
internal static class AddActivity
{
    public sealed record Command(Guid CourseId, ActivityInput Activity) : ICommand<ActivityResponse>;

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.Activity).SetValidator(new ActivityInputValidator());
    }

    internal sealed class Handler(CoursesDbContext db, CourseGate gate, ISender sender, ICurrentUser me) : ICommandHandler<Command, ActivityResponse>
    {
        public async ValueTask<ActivityResponse> Handle(Command command, CancellationToken cancellationToken)
        {
            await gate.RequireStaffAsync(command.CourseId, cancellationToken);
            var activity = new Activity { CourseId = command.CourseId, Title = "" };
            await ActivityAuthoring.ApplyAsync(db, sender, me.Id, activity, command.Activity, cancellationToken);
            db.Add(activity);
            await db.SaveChangesAsync(cancellationToken);
            return ActivityResponse.From(activity);
        }
    }

    public static void MapEndpoint(IEndpointRouteBuilder api) =>
        api.MapPost("/courses/{courseId:guid}/activities", async (Guid courseId, ActivityInput activity, ISender sender, CancellationToken ct) =>
            {
                var created = await sender.Send(new Command(courseId, activity), ct);
                return TypedResults.Created($"/api/v1/courses/{courseId}/activities/{created.Id}", created);
            })
            .WithName("AddActivity")
            .WithSummary("Add an activity to a section (course staff); Markdown content is rendered and sanitized")
            .WithDescription("Course staff only (learners 403, outsiders 404). `kind`: Lesson and Preparation carry Markdown `content`; a Video needs its `url`; a Resource needs a `url` or a `fileId` the caller uploaded with `POST /files`. `position` (0-based, default last) places it in `sectionId`; `offsetDays` and `dueOffsetDays` (0-730) set its release and due dates relative to a cohort's start; `competencyCodes` must be the course's (else 400).")
            .RequireAuthorization(Policies.SignedIn)
            .Problems(ProblemType.Forbidden, ProblemType.NotFound);
}
