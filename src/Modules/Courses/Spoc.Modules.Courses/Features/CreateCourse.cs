using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Spoc.Modules.Courses.Data;
using Spoc.Modules.Platform.Contracts;
using Spoc.SharedKernel.Problems;
using Spoc.SharedKernel.Security;
using Spoc.SharedKernel.Validation;

namespace Spoc.Modules.Courses.Features;

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
                Title = command.Title.Trim(),
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
            .RequireAuthorization(Policies.SignedIn)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
}

public sealed record CompetencyResponse(string Code, string Title);

public sealed record CourseResponse(
    Guid Id, Guid OrganizationId, string Title, string Summary, string Language, IReadOnlyList<CompetencyResponse> Competencies,
    bool IsPublished, DateTimeOffset CreatedAt, [property: System.Text.Json.Serialization.JsonIgnore] Guid Version) : Spoc.SharedKernel.Persistence.IVersioned
{
    internal static CourseResponse From(Course c) =>
        new(c.Id, c.OrganizationId, c.Title, c.Summary, c.Language, c.Competencies.OrderBy(x => x.Code).Select(x => new CompetencyResponse(x.Code, x.Title)).ToList(), c.IsPublished, c.CreatedAt, c.Version);
}

/// <summary>A course's description and competencies, shared by creation and update.</summary>
internal interface ICourseFields
{
    string Title { get; }
    string? Summary { get; }
    string Language { get; }
    IReadOnlyList<CreateCourse.CompetencyInput>? Competencies { get; }
}

internal sealed class CourseFieldsValidator : AbstractValidator<ICourseFields>
{
    public CourseFieldsValidator()
    {
        RuleFor(c => c.Title).NotEmpty().MaximumLength(200);
        RuleFor(c => c.Summary).MaximumLength(4000);
        RuleFor(c => c.Language).NotEmpty().MaximumLength(20).Matches("^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$").WithMessage("A language tag such as \"fr\" or \"en-GB\".");
        RuleFor(c => c.Competencies).Must(c => c is null || c.Count <= 100).WithMessage("At most 100 competencies.")
            .Must(c => c is null || c.Select(x => x?.Code?.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).Count() == c.Count).WithMessage("Competency codes must be unique.");
        RuleForEach(c => c.Competencies).NotNull().ChildRules(c =>
        {
            c.RuleFor(x => x.Code).NotEmpty().MaximumLength(20);
            c.RuleFor(x => x.Title).NotEmpty().MaximumLength(200);
        });
    }
}
