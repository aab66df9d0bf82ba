using FluentValidation;
using FluentValidation.Results;
using Mediator;
using Spoc.Modules.Community.Contracts;
using Spoc.Modules.Community.Domain;
using Spoc.Modules.Courses.Contracts;
using Spoc.SharedKernel.Validation;

namespace Spoc.Modules.Community.Features.Sessions;

/// <summary>What makes a session whole, for a new one and a changed one alike.</summary>
internal static class SessionRules
{
    public static readonly TimeSpan MaxDuration = TimeSpan.FromHours(24);
    public const int MaxPreparations = 20;

    /// <summary>A meeting link is https (it opens from the app, and a learner's credentials may follow it).</summary>
    public static IRuleBuilderOptions<T, string?> HttpsUrl<T>(this IRuleBuilder<T, string?> rule) =>
        rule.MaximumLength(2000)
            .Must(u => u is null || (Uri.TryCreate(u, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps))
            .WithMessage("An absolute https link.");

    /// <summary>Times in order and of a sensible length; a kind's own fields, and not another kind's: 400 naming each field.</summary>
    public static void EnsureWhole(LiveSession s)
    {
        var errors = new List<ValidationFailure>();
        if (s.EndsAt <= s.StartsAt)
        {
            errors.Add(new("EndsAt", "The end comes after the start."));
        }
        else if (s.EndsAt - s.StartsAt > MaxDuration)
        {
            errors.Add(new("EndsAt", "A session lasts at most 24 hours."));
        }

        if (s.Kind == SessionKind.VirtualClass && string.IsNullOrWhiteSpace(s.MeetingUrl))
        {
            errors.Add(new("MeetingUrl", "A virtual class needs its meeting link."));
        }

        if (s.Kind == SessionKind.InPerson)
        {
            if (string.IsNullOrWhiteSpace(s.Place))
            {
                errors.Add(new("Place", "An in-person session needs its place."));
            }

            if (s.MeetingUrl is not null)
            {
                errors.Add(new("MeetingUrl", "An in-person session has no meeting link."));
            }
        }
        else if (s.Place is not null || s.Room is not null || s.Address is not null)
        {
            errors.Add(new("Place", "Only an in-person session has a place, room and address."));
        }

        if (errors.Count > 0)
        {
            throw new ValidationException(errors);
        }
    }

    /// <summary>The preparations, each an activity of the cohort's course (one query); 400 otherwise.</summary>
    public static async Task<List<Guid>> PreparationsAsync(this ISender sender, Guid courseId, IReadOnlyList<Guid>? activityIds, CancellationToken ct)
    {
        var ids = (activityIds ?? []).Distinct().ToList();
        if (ids.Count > 0 && (await sender.Send(new GetActivitySummaries(courseId, ids), ct)).Count != ids.Count)
        {
            throw Rules.Invalid("PreparationActivityIds", "Each preparation is an activity of the cohort's course.");
        }

        return ids;
    }

    /// <summary>
    /// The same wall-clock time <paramref name="weeks"/> weeks later in the cohort's time zone, as a UTC instant: a weekly
    /// 18:00 stays 18:00 across a daylight-saving change (a time the change skips moves to when the clocks resume).
    /// </summary>
    public static DateTimeOffset WeeksLater(DateTimeOffset instant, int weeks, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(instant, zone).DateTime.AddDays(7 * weeks);
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(30);
        }

        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
    }
}
