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

namespace Spoc.Modules.Courses.Features.Sections;

/// <summary>PUT /courses/{courseId}/sections/{sectionId}: rename or move a section. <c>If-Match</c> → 412 on a stale copy.</summary>
internal static class UpdateSection
{
    public sealed record Request(string Title, int Position);

    public sealed record Command(Guid CourseId, Guid SectionId, string? IfMatch, string Title, int Position) : ICommand<SectionResponse>;

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.IfMatch).MaximumLength(200);
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
            var section = sections.FirstOrDefault(s => s.Id == command.SectionId) ?? throw ProblemException.NotFound("This section");
            db.Expect(section, command.IfMatch);
            section.Title = command.Title;
            sections.Place(section, command.Position);
            await db.SaveChangesAsync(cancellationToken);
            return SectionResponse.From(section);
        }
    }

    public static void MapEndpoint(IEndpointRouteBuilder api) =>
        api.MapPut("/courses/{courseId:guid}/sections/{sectionId:guid}", async (Guid courseId, Guid sectionId, Request request, [FromHeader(Name = "If-Match")] string? ifMatch, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new Command(courseId, sectionId, ifMatch, request.Title, request.Position), ct)))
            .WithName("UpdateSection")
            .WithSummary("Rename or reorder a section (course staff)")
            .WithDescription("Course staff only (learners 403, outsiders 404). Moving to a 0-based `position` shifts its siblings so positions stay 0..n-1 (beyond the end means last). Send the section's `etag` from the outline as `If-Match` (stale: 412).")
            .RequireAuthorization(Policies.SignedIn)
            .Problems(ProblemType.Forbidden, ProblemType.NotFound);
}
