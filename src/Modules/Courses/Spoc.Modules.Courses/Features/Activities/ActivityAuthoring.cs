using Mediator;
using Microsoft.EntityFrameworkCore;
using Spoc.Modules.Courses.Data;
using Spoc.Modules.Courses.Domain;
using Spoc.SharedKernel.Text;
using Spoc.SharedKernel.Validation;

namespace Spoc.Modules.Courses.Features.Activities;

internal static class ActivityAuthoring
{
    /// <summary>Applies the input: sanitized HTML, known competencies only, and the activity placed within its section.</summary>
    public static async Task ApplyAsync(CoursesDbContext db, ISender sender, Guid authorId, Activity activity, ActivityInput input, CancellationToken ct)
    {
        // A file is attached by the person who uploaded it, or kept as it was: nobody attaches someone else's upload.
        if (input.FileId is { } fileId && fileId != activity.FileId
            && (await sender.Send(new Spoc.Modules.Platform.Contracts.GetStoredFiles([fileId]), ct)).SingleOrDefault()?.OwnerId != authorId)
        {
            throw Rules.Invalid("FileId", "Upload the file first (POST /files), then attach it.");
        }

        var codes = (input.CompetencyCodes ?? []).Select(c => c.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var known = await db.Set<Competency>().Where(c => c.CourseId == activity.CourseId).Select(c => c.Code).ToListAsync(ct);
        if (codes.Except(known, StringComparer.OrdinalIgnoreCase).ToList() is { Count: > 0 } unknown)
        {
            throw Rules.Invalid("CompetencyCodes", $"Not competencies of this course: {string.Join(", ", unknown)}.");
        }

        var section = await db.Set<Section>().FirstOrDefaultAsync(s => s.Id == input.SectionId && s.CourseId == activity.CourseId, ct)
            ?? throw Rules.Invalid("SectionId", "Not a section of this course.");
        if (activity.SectionId != input.SectionId || input.Position is not null)
        {
            // Placing an activity writes its section's row, conditional on its version, as a reorder does: of an addition
            // and a reorder at the same moment, one is refused (409) instead of both numbering the same places.
            section.Version = Guid.NewGuid();
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
        siblings.Place(activity, input.Position);
    }
}
