using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Spoc.Modules.Courses.Contracts;
using Spoc.Modules.Courses.Data;
using Spoc.Modules.Courses.Domain;
using Spoc.SharedKernel.Http;
using Spoc.SharedKernel.Persistence;
using Spoc.SharedKernel.Problems;
using Spoc.SharedKernel.Security;
using Spoc.SharedKernel.Text;
using Spoc.SharedKernel.Validation;

namespace Spoc.Modules.Courses.Features;

/// <summary>An activity; <see cref="ETag"/> (also the response header) is what <c>If-Match</c> expects when it is edited from the outline.</summary>
public sealed record ActivityResponse(
    Guid Id, Guid SectionId, ActivityKind Kind, string Title, string ContentMarkdown, string ContentHtml, string? Url, Guid? FileId,
    int Position, int OffsetDays, int? DueOffsetDays, int DurationMinutes, IReadOnlyList<string> CompetencyCodes,
    [property: System.Text.Json.Serialization.JsonIgnore] Guid Version) : IVersioned
{
    [System.Text.Json.Serialization.JsonPropertyName("etag")]
    public string ETag => ETags.Of(Version);

    internal static ActivityResponse From(Activity a) =>
        new(a.Id, a.SectionId, a.Kind, a.Title, a.ContentMarkdown, a.ContentHtml, a.Url, a.FileId, a.Position, a.OffsetDays, a.DueOffsetDays, a.DurationMinutes, a.CompetencyCodes, a.Version);
}

/// <summary>What an author sends for an activity, on creation and on update.</summary>
public sealed record ActivityInput(
    Guid SectionId, [property: System.ComponentModel.DataAnnotations.Required] ActivityKind? Kind, string Title, [property: MultiLine] string? Content, string? Url, Guid? FileId, int? Position,
    int OffsetDays, int? DueOffsetDays, int DurationMinutes, IReadOnlyList<string>? CompetencyCodes);

internal sealed class ActivityInputValidator : AbstractValidator<ActivityInput>
{
    public ActivityInputValidator()
    {
        RuleFor(a => a.SectionId).NotEmpty();
        RuleFor(a => a.Kind).NotNull().IsInEnum();
        RuleFor(a => a.Title).NotEmpty().MaximumLength(200);
        RuleFor(a => a.Content).MaximumLength(100_000);
        RuleFor(a => a.Url).NotEmpty().When(a => a.Kind == ActivityKind.Video).WithMessage("A video needs its link.");
        RuleFor(a => a.Url).NotEmpty().When(a => a.Kind == ActivityKind.Resource && a.FileId is null).WithMessage("A resource needs a link or an uploaded file.");
        RuleFor(a => a.Url).HttpUrl();
        RuleFor(a => a.Position).InclusiveBetween(0, 1000);
        RuleFor(a => a.OffsetDays).InclusiveBetween(0, 730);
        RuleFor(a => a.DueOffsetDays).InclusiveBetween(0, 730).GreaterThanOrEqualTo(a => a.OffsetDays).When(a => a.DueOffsetDays is not null)
            .WithMessage("Due on or after the release day, within two years.");
        RuleFor(a => a.DurationMinutes).InclusiveBetween(0, 24 * 60);
        RuleFor(a => a.CompetencyCodes).Must(c => c is null || c.Count <= 50);
        RuleForEach(a => a.CompetencyCodes).NotEmpty().MaximumLength(20);
    }
}

internal static class ActivityAuthoring
{
    /// <summary>Applies the input: sanitized HTML, known competencies only, and the activity placed within its section.</summary>
    public static async Task ApplyAsync(CoursesDbContext db, ISender sender, Guid authorId, Activity activity, ActivityInput input, CancellationToken ct)
    {
        // A file is attached by the person who uploaded it, or kept as it was: nobody attaches someone else's upload.
        if (input.FileId is { } fileId && fileId != activity.FileId
            && (await sender.Send(new Spoc.Modules.Platform.Contracts.GetStoredFile(fileId), ct))?.OwnerId != authorId)
        {
            throw Rules.Invalid("FileId", "Upload the file first (POST /files), then attach it.");
        }

        var codes = (input.CompetencyCodes ?? []).Select(c => c.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var known = await db.Set<Competency>().Where(c => c.CourseId == activity.CourseId).Select(c => c.Code).ToListAsync(ct);
        if (codes.Except(known, StringComparer.OrdinalIgnoreCase).ToList() is { Count: > 0 } unknown)
        {
            throw Rules.Invalid("CompetencyCodes", $"Not competencies of this course: {string.Join(", ", unknown)}.");
        }

        if (!await db.Set<Section>().AnyAsync(s => s.Id == input.SectionId && s.CourseId == activity.CourseId, ct))
        {
            throw Rules.Invalid("SectionId", "Not a section of this course.");
        }

        activity.SectionId = input.SectionId;
        activity.Kind = input.Kind!.Value;
        activity.Title = input.Title.Trim();
        activity.ContentMarkdown = input.Content ?? "";
        activity.ContentHtml = Markdown.ToSafeHtml(input.Content);
        activity.Url = string.IsNullOrWhiteSpace(input.Url) ? null : input.Url.Trim();
        activity.FileId = input.FileId;
        activity.OffsetDays = input.OffsetDays;
        activity.DueOffsetDays = input.DueOffsetDays;
        activity.DurationMinutes = input.DurationMinutes;
        activity.CompetencyCodes = known.Where(k => codes.Contains(k, StringComparer.OrdinalIgnoreCase)).ToList();

        var siblings = await db.Set<Activity>().Where(a => a.SectionId == input.SectionId && a.Id != activity.Id).OrderBy(a => a.Position).ToListAsync(ct);
        siblings.Add(activity);
        Positions.Place(siblings, activity, input.Position, (a, p) => a.Position = p);
    }
}

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
            .RequireAuthorization(Policies.SignedIn)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
}

/// <summary>PUT /courses/{courseId}/activities/{activityId}: edit, move to another section or position. <c>If-Match</c> → 412 on a stale copy.</summary>
internal static class UpdateActivity
{
    public sealed record Command(Guid CourseId, Guid ActivityId, string? IfMatch, ActivityInput Activity) : ICommand<ActivityResponse>;

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.IfMatch).MaximumLength(200);
            RuleFor(c => c.Activity).SetValidator(new ActivityInputValidator());
        }
    }

    internal sealed class Handler(CoursesDbContext db, CourseGate gate, ISender sender, ICurrentUser me) : ICommandHandler<Command, ActivityResponse>
    {
        public async ValueTask<ActivityResponse> Handle(Command command, CancellationToken cancellationToken)
        {
            await gate.RequireStaffAsync(command.CourseId, cancellationToken);
            var activity = await db.Set<Activity>().FirstOrDefaultAsync(a => a.Id == command.ActivityId && a.CourseId == command.CourseId, cancellationToken)
                ?? throw ProblemException.NotFound("This activity");
            db.Expect(activity, command.IfMatch);
            var previousSection = activity.SectionId;
            await ActivityAuthoring.ApplyAsync(db, sender, me.Id, activity, command.Activity, cancellationToken);
            if (previousSection != activity.SectionId)
            {
                var left = await db.Set<Activity>().Where(a => a.SectionId == previousSection && a.Id != activity.Id).OrderBy(a => a.Position).ToListAsync(cancellationToken);
                Positions.Renumber(left, (a, p) => a.Position = p);
            }

            await db.SaveChangesAsync(cancellationToken);
            return ActivityResponse.From(activity);
        }
    }

    public static void MapEndpoint(IEndpointRouteBuilder api) =>
        api.MapPut("/courses/{courseId:guid}/activities/{activityId:guid}", async (Guid courseId, Guid activityId, ActivityInput activity, [FromHeader(Name = "If-Match")] string? ifMatch, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new Command(courseId, activityId, ifMatch, activity), ct)))
            .WithName("UpdateActivity")
            .WithSummary("Edit or move an activity (course staff)")
            .RequireAuthorization(Policies.SignedIn)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed);
}

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
            Positions.Renumber(siblings, (a, p) => a.Position = p);

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
            .RequireAuthorization(Policies.SignedIn)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed);
}
