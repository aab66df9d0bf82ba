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
using Spoc.SharedKernel.Validation;

namespace Spoc.Modules.Courses.Features.Courses;

/// <summary>
/// PUT /courses/{courseId}: course staff edit the description and competencies, and publish or unpublish.
/// A competency still used by an activity cannot be removed (409). <c>If-Match</c> → 412 on a stale copy.
/// </summary>
internal static class UpdateCourse
{
    public sealed record Request(string Title, string? Summary, string Language, IReadOnlyList<CreateCourse.CompetencyInput>? Competencies, bool IsPublished);

    public sealed record Command(Guid CourseId, string? IfMatch, string Title, [property: MultiLine] string? Summary, string Language, IReadOnlyList<CreateCourse.CompetencyInput>? Competencies, bool IsPublished)
        : ICommand<CourseResponse>, ICourseFields;

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            Include(new CourseFieldsValidator());
            RuleFor(c => c.IfMatch).MaximumLength(200);
        }
    }

    internal sealed class Handler(CoursesDbContext db, CourseGate gate) : ICommandHandler<Command, CourseResponse>
    {
        public async ValueTask<CourseResponse> Handle(Command command, CancellationToken cancellationToken)
        {
            await gate.RequireStaffAsync(command.CourseId, cancellationToken);
            var course = await db.Courses.Include(c => c.Competencies).FirstAsync(c => c.Id == command.CourseId, cancellationToken);
            db.Expect(course, command.IfMatch);

            var wanted = (command.Competencies ?? []).ToDictionary(c => c.Code.Trim(), c => c.Title.Trim(), StringComparer.OrdinalIgnoreCase);
            var removed = course.CompetenciesMissingFrom(wanted);
            if (removed.Count > 0)
            {
                var used = (await db.Set<Activity>().Where(a => a.CourseId == course.Id).Select(a => a.CompetencyCodes).ToListAsync(cancellationToken))
                    .SelectMany(codes => codes).Intersect(removed.Select(r => r.Code), StringComparer.OrdinalIgnoreCase).ToList();
                if (used.Count > 0)
                {
                    throw CourseProblems.CompetencyInUse.Exception(string.Join(", ", used));
                }
            }

            course.Edit(command.Title, command.Summary?.Trim() ?? "", command.Language, wanted, command.IsPublished);
            await db.SaveChangesAsync(cancellationToken);
            return CourseResponse.From(course);
        }
    }

    public static void MapEndpoint(IEndpointRouteBuilder api) =>
        api.MapPut("/courses/{courseId:guid}", async (Guid courseId, Request r, [FromHeader(Name = "If-Match")] string? ifMatch, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new Command(courseId, ifMatch, r.Title, r.Summary, r.Language, r.Competencies, r.IsPublished), ct)))
            .WithName("UpdateCourse")
            .WithSummary("Edit, publish or unpublish a course (course staff)")
            .WithDescription("Course staff (org admins, trainers) only: learners 403, outsiders 404. Replaces the description and the competency list, and sets `isPublished` (unpublishing hides the course from learners again). Removing a competency that activities still develop is 409 competency-in-use; send the `ETag` as `If-Match` (stale: 412).")
            .RequireAuthorization(Policies.SignedIn)
            .Problems(ProblemType.Forbidden, ProblemType.NotFound, CourseProblems.CompetencyInUse);
}
