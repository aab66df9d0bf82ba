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

namespace Spoc.Modules.Courses.Features.Courses;

/// <summary>
/// PUT /courses/{courseId}/outline/order: the whole order of sections and of the activities in each, in one request and one
/// transaction (a drag that moves an activity to another section is one call). <c>If-Match</c> with the outline's ETag.
/// </summary>
internal static class ReorderOutline
{
    /// <param name="Id">A section of the course.</param>
    /// <param name="ActivityIds">Its activities, in order: any activity of the course may move here.</param>
    public sealed record SectionOrder(Guid Id, IReadOnlyList<Guid> ActivityIds);

    /// <param name="Sections">Every section of the course in order, each with every one of its activities: nothing left out, nothing twice.</param>
    public sealed record Request(IReadOnlyList<SectionOrder> Sections);

    public sealed record Command(Guid CourseId, string? IfMatch, IReadOnlyList<SectionOrder> Sections) : ICommand<GetCourseOutline.Response>;

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.IfMatch).MaximumLength(200);
            RuleFor(c => c.Sections).Cascade(CascadeMode.Stop).NotNull()
                .Must(s => s.All(x => x is { ActivityIds: not null })).WithMessage("Each section with its list of activity ids.")
                .Must(s => s.Count <= 1000).WithMessage("At most 1000 sections.")
                .Must(s => s.Select(x => x.Id).Distinct().Count() == s.Count).WithMessage("Each section at most once.")
                .Must(s => s.SelectMany(x => x.ActivityIds).Distinct().Count() == s.Sum(x => x.ActivityIds.Count)).WithMessage("Each activity at most once.");
            RuleForEach(c => c.Sections).ChildRules(s => s.RuleFor(x => x.ActivityIds).Must(a => a is null || a.Count <= 1000).WithMessage("At most 1000 activities per section."))
                .When(c => c.Sections is not null);
        }
    }

    internal sealed class Handler(CoursesDbContext db, CourseGate gate, ISender sender) : ICommandHandler<Command, GetCourseOutline.Response>
    {
        public async ValueTask<GetCourseOutline.Response> Handle(Command command, CancellationToken cancellationToken)
        {
            await gate.RequireStaffAsync(command.CourseId, cancellationToken);
            var sections = await db.Set<Section>().Where(s => s.CourseId == command.CourseId).ToDictionaryAsync(s => s.Id, cancellationToken);
            var activities = await db.Set<Activity>().Where(a => a.CourseId == command.CourseId).ToDictionaryAsync(a => a.Id, cancellationToken);
            ETags.EnsureMatches(command.IfMatch, OutlineVersion.Of(sections.Values.Select(s => (s.Id, s.Version)).Concat(activities.Values.Select(a => (a.Id, a.Version)))));

            // Without If-Match (or with a tag read just before a concurrent addition), an order that does not name exactly
            // what the course holds would drop or invent items: the caller's copy is out of date.
            var named = command.Sections.SelectMany(s => s.ActivityIds).ToHashSet();
            if (!command.Sections.Select(s => s.Id).ToHashSet().SetEquals(sections.Keys) || !named.SetEquals(activities.Keys))
            {
                throw CourseProblems.OutlineChanged.Exception();
            }

            for (var i = 0; i < command.Sections.Count; i++)
            {
                var order = command.Sections[i];
                var section = sections[order.Id];
                section.Position = i;
                // Every section row is written, conditional on the version read: of two concurrent reorders, the second fails
                // (409 concurrency-conflict) instead of mixing with the first.
                section.Version = Guid.NewGuid();
                for (var j = 0; j < order.ActivityIds.Count; j++)
                {
                    var activity = activities[order.ActivityIds[j]];
                    activity.SectionId = section.Id;
                    activity.Position = j;
                }
            }

            await db.SaveChangesAsync(cancellationToken);
            return await sender.Send(new GetCourseOutline.Query(command.CourseId), cancellationToken);
        }
    }

    public static void MapEndpoint(IEndpointRouteBuilder api) =>
        api.MapPut("/courses/{courseId:guid}/outline/order", async (Guid courseId, Request request, [FromHeader(Name = "If-Match")] string? ifMatch, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new Command(courseId, ifMatch, request.Sections), ct)))
            .WithName("ReorderOutline")
            .WithSummary("Reorder the sections and activities of a course (course staff)")
            .WithDescription("Course staff only (learners 403, outsiders 404). The body is the whole outline's new order: every section of the course, each with the ids of its activities in order; an activity listed under another section moves there. One request, one transaction. Send the outline's `etag` as `If-Match` (412 when anything in the outline changed since read); an order that leaves out or invents a section or activity is 409 outline-changed. Answers the reordered outline.")
            .RequireAuthorization(Policies.SignedIn)
            .Problems(ProblemType.Forbidden, ProblemType.NotFound, ProblemType.PreconditionFailed, CourseProblems.OutlineChanged);
}
