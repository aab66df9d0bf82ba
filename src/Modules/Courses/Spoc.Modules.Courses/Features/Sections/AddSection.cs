using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Spoc.Modules.Courses.Data;
using Spoc.Modules.Courses.Domain;
using Spoc.SharedKernel.Http;
using Spoc.SharedKernel.Problems;
using Spoc.SharedKernel.Security;

namespace Spoc.Modules.Courses.Features.Sections;

/// <summary>POST /courses/{courseId}/sections: course staff add a section at a position (default: last).</summary>
internal static class AddSection
{
    public sealed record Request(string Title, int? Position);

    public sealed record Command(Guid CourseId, string Title, int? Position) : ICommand<SectionResponse>;

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Title).NotEmpty().MaximumLength(200);
            RuleFor(c => c.Position).InclusiveBetween(0, 1000);
        }
    }

    internal sealed class Handler(CoursesDbContext db, CourseGate gate) : ICommandHandler<Command, SectionResponse>
    {
        public async ValueTask<SectionResponse> Handle(Command command, CancellationToken cancellationToken)
        {
            await gate.RequireStaffAsync(command.CourseId, cancellationToken);
            var sections = await db.Set<Section>().Where(s => s.CourseId == command.CourseId).OrderBy(s => s.Position).ToListAsync(cancellationToken);
            var section = new Section { CourseId = command.CourseId, Title = command.Title };
            db.Add(section);
            sections.Add(section);
            sections.Place(section, command.Position);
            await db.SaveChangesAsync(cancellationToken);
            return SectionResponse.From(section);
        }
    }

    public static void MapEndpoint(IEndpointRouteBuilder api) =>
        api.MapPost("/courses/{courseId:guid}/sections", async (Guid courseId, Request request, ISender sender, CancellationToken ct) =>
                TypedResults.Created($"/api/v1/courses/{courseId}/outline", await sender.Send(new Command(courseId, request.Title, request.Position), ct)))
            .WithName("AddSection")
            .WithSummary("Add a section to a course (course staff)")
            .WithDescription("Course staff only (learners 403, outsiders 404). `position` is 0-based and defaults to the end; the sections after it move down one, so positions stay 0..n-1.")
            .RequireAuthorization(Policies.SignedIn)
            .Problems(ProblemType.Forbidden, ProblemType.NotFound);
}
