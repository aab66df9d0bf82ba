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

/// <summary>DELETE /courses/{courseId}/sections/{sectionId}: a section goes with its activities (and their completions). <c>If-Match</c> → 412.</summary>
internal static class DeleteSection
{
    public sealed record Command(Guid CourseId, Guid SectionId, string? IfMatch) : ICommand;

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.IfMatch).MaximumLength(200);
    }

    internal sealed class Handler(CoursesDbContext db, CourseGate gate) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            await gate.RequireStaffAsync(command.CourseId, cancellationToken);
            var sections = await db.Set<Section>().Where(s => s.CourseId == command.CourseId).OrderBy(s => s.Position).ToListAsync(cancellationToken);
            var section = sections.FirstOrDefault(s => s.Id == command.SectionId) ?? throw ProblemException.NotFound("This section");
            db.Expect(section, command.IfMatch);

            // The database cascades to its activities and their completions, in the same statement as the section: one save,
            // with the later sections moving up one.
            db.Remove(section);
            sections.Remove(section);
            sections.Renumber();
            await db.SaveChangesAsync(cancellationToken);
            return Unit.Value;
        }
    }

    public static void MapEndpoint(IEndpointRouteBuilder api) =>
        api.MapDelete("/courses/{courseId:guid}/sections/{sectionId:guid}", async (Guid courseId, Guid sectionId, [FromHeader(Name = "If-Match")] string? ifMatch, ISender sender, CancellationToken ct) =>
            {
                await sender.Send(new Command(courseId, sectionId, ifMatch), ct);
                return TypedResults.NoContent();
            })
            .WithName("DeleteSection")
            .WithSummary("Delete a section and its activities (course staff)")
            .WithDescription("Course staff only (learners 403, outsiders 404). Deletes the section with every activity in it and the learners' completions of them (see `GET /courses/{courseId}/sections/{sectionId}/impact` first); the later sections move up one. Send the section's `etag` from the outline as `If-Match` (stale: 412).")
            .RequireAuthorization(Policies.SignedIn)
            .Problems(ProblemType.Forbidden, ProblemType.NotFound, ProblemType.PreconditionFailed);
}
