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
using Spoc.SharedKernel.Persistence;
using Spoc.SharedKernel.Problems;
using Spoc.SharedKernel.Security;

namespace Spoc.Modules.Courses.Features;

/// <summary>A section; <see cref="ETag"/> (also the response header) is what <c>If-Match</c> expects when it is edited from the outline.</summary>
public sealed record SectionResponse(Guid Id, string Title, int Position, [property: System.Text.Json.Serialization.JsonIgnore] Guid Version) : IVersioned
{
    [System.Text.Json.Serialization.JsonPropertyName("etag")]
    public string ETag => ETags.Of(Version);

    internal static SectionResponse From(Section s) => new(s.Id, s.Title, s.Position, s.Version);
}

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
            var section = new Section { CourseId = command.CourseId, Title = command.Title.Trim() };
            db.Add(section);
            sections.Add(section);
            Positions.Place(sections, section, command.Position, (s, p) => s.Position = p);
            await db.SaveChangesAsync(cancellationToken);
            return SectionResponse.From(section);
        }
    }

    public static void MapEndpoint(IEndpointRouteBuilder api) =>
        api.MapPost("/courses/{courseId:guid}/sections", async (Guid courseId, Request request, ISender sender, CancellationToken ct) =>
                TypedResults.Created($"/api/v1/courses/{courseId}/outline", await sender.Send(new Command(courseId, request.Title, request.Position), ct)))
            .WithName("AddSection")
            .WithSummary("Add a section to a course (course staff)")
            .RequireAuthorization(Policies.SignedIn)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
}

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
            section.Title = command.Title.Trim();
            Positions.Place(sections, section, command.Position, (s, p) => s.Position = p);
            await db.SaveChangesAsync(cancellationToken);
            return SectionResponse.From(section);
        }
    }

    public static void MapEndpoint(IEndpointRouteBuilder api) =>
        api.MapPut("/courses/{courseId:guid}/sections/{sectionId:guid}", async (Guid courseId, Guid sectionId, Request request, [FromHeader(Name = "If-Match")] string? ifMatch, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new Command(courseId, sectionId, ifMatch, request.Title, request.Position), ct)))
            .WithName("UpdateSection")
            .WithSummary("Rename or reorder a section (course staff)")
            .RequireAuthorization(Policies.SignedIn)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed);
}
