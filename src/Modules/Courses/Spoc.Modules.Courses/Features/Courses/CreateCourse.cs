using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Spoc.Modules.Courses.Data;
using Spoc.Modules.Courses.Domain;
using Spoc.Modules.Platform.Contracts;
using Spoc.SharedKernel.Http;
using Spoc.SharedKernel.Problems;
using Spoc.SharedKernel.Security;
using Spoc.SharedKernel.Validation;

namespace Spoc.Modules.Courses.Features.Courses;

/// <summary>POST /courses: an org admin or trainer opens a course in their organisation.</summary>
internal static class CreateCourse
{
    public sealed record CompetencyInput(string Code, string Title);

    public sealed record Command(Guid OrganizationId, string Title, [property: MultiLine] string? Summary, string Language, IReadOnlyList<CompetencyInput>? Competencies) : ICommand<CourseResponse>, ICourseFields;

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.OrganizationId).NotEmpty();
            Include(new CourseFieldsValidator());
        }
    }

    internal sealed class Handler(CoursesDbContext db, ISender sender, ICurrentUser me, TimeProvider clock) : ICommandHandler<Command, CourseResponse>
    {
        public async ValueTask<CourseResponse> Handle(Command command, CancellationToken cancellationToken)
        {
            var role = await sender.Send(new GetOrganizationRole(command.OrganizationId, me.Id), cancellationToken)
                ?? throw ProblemException.NotFound("This organisation");
            if (role is not (OrganizationRole.OrgAdmin or OrganizationRole.Trainer))
            {
                throw ProblemException.Forbidden("Only the organisation's admins and trainers create courses.");
            }

            var course = new Course
            {
                OrganizationId = command.OrganizationId,
                Title = command.Title,
                Summary = command.Summary?.Trim() ?? "",
                Language = command.Language,
                CreatedAt = clock.GetUtcNow(),
                CreatedBy = me.Id,
            };
            course.Competencies.AddRange((command.Competencies ?? []).Select(c => new Competency { CourseId = course.Id, Code = c.Code.Trim(), Title = c.Title.Trim() }));
            db.Courses.Add(course);
            await db.SaveChangesAsync(cancellationToken);
            return CourseResponse.From(course);
        }
    }

    public static void MapEndpoint(IEndpointRouteBuilder api) =>
        api.MapPost("/courses", async (Command command, ISender sender, CancellationToken ct) =>
            {
                var course = await sender.Send(command, ct);
                return TypedResults.Created($"/api/v1/courses/{course.Id}", course);
            })
            .WithName("CreateCourse")
            .WithSummary("Create a course in an organisation (org admin, trainer)")
            .WithDescription("Org admins and trainers of `organizationId` only (other members 403, outsiders 404). `language` is a tag such as `fr` or `en-GB`; up to 100 competencies, each a short `code` and a title, that activities then develop. A new course is a draft: publish it with `PUT /courses/{courseId}`.")
            .RequireAuthorization(Policies.SignedIn)
            .Problems(ProblemType.Forbidden, ProblemType.NotFound);
}
