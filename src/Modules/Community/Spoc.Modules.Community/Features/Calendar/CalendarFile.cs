using System.Security.Cryptography;
using System.Text;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Spoc.Modules.Assessment.Contracts;
using Spoc.Modules.Community.Contracts;
using Spoc.SharedKernel.Email;

namespace Spoc.Modules.Community.Features.Calendar;

/// <summary>
/// An RFC 5545 file written with Ical.Net (docs/adr/0029): one VEVENT per session (<c>&lt;session id&gt;@spoc</c>, its SEQUENCE,
/// STATUS:CANCELLED once cancelled) and per due date, each in its cohort's zone with that zone's VTIMEZONE (UTC needs none).
/// There is no METHOD, so DTSTAMP is the last change, like LAST-MODIFIED (RFC 5545 §3.8.7.2): the same data writes the same
/// bytes, which makes the ETag meaningful.
/// </summary>
internal static class CalendarFile
{
    public const string ContentType = "text/calendar; charset=utf-8";

    /// <summary>
    /// <paramref name="learnerId"/>: a learner's own due dates (UID <c>&lt;assignment id&gt;-&lt;user&gt;@spoc</c>); null for a
    /// cohort's general ones (<c>&lt;assignment id&gt;@spoc</c>).
    /// </summary>
    public static string Write(
        string name, IReadOnlyCollection<CalendarCohort> cohorts, IEnumerable<CalendarSession> sessions, IEnumerable<AssignmentDueDate> dueDates,
        Guid? learnerId, string language, PublicSite site)
    {
        var zones = cohorts.ToDictionary(c => c.CohortId, c => c.TimeZone);
        var french = language != Languages.English;
        var calendar = new Ical.Net.Calendar { ProductId = "-//Spoc//Spoc calendar//FR" };
        calendar.AddProperty("X-WR-CALNAME", name);
        calendar.AddProperty("X-PUBLISHED-TTL", "PT1H");

        foreach (var s in sessions)
        {
            var zone = zones[s.CohortId];
            var details = new[]
            {
                KindLabel(s.Kind, french),
                s.Location,
                s.IsCancelled ? (french ? "Annulée" : "Cancelled") + (string.IsNullOrWhiteSpace(s.CancellationReason) ? "" : " : " + s.CancellationReason) : null,
                site.Link($"/sessions/{s.Id}"),
            };
            calendar.Events.Add(new CalendarEvent
            {
                Uid = $"{s.Id}@spoc",
                Sequence = s.Sequence,
                Summary = s.Title,
                Description = string.Join("\n", details.Where(d => d is not null)),
                Location = s.Location,
                Url = new Uri(site.Link($"/sessions/{s.Id}")),
                DtStart = At(s.StartsAt, zone),
                DtEnd = At(s.EndsAt, zone),
                Status = s.IsCancelled ? EventStatus.Cancelled : EventStatus.Confirmed,
                Created = Utc(s.CreatedAt),
                LastModified = Utc(s.UpdatedAt),
                DtStamp = Utc(s.UpdatedAt),
            });
        }

        foreach (var d in dueDates)
        {
            calendar.Events.Add(new CalendarEvent
            {
                Uid = learnerId is { } user ? $"{d.AssignmentId}-{user}@spoc" : $"{d.AssignmentId}@spoc",
                Summary = (french ? "À rendre : " : "Due: ") + d.Title,
                Url = new Uri(site.Link($"/assignments/{d.AssignmentId}")),
                DtStart = At(d.DueAt, zones[d.CohortId]),
                Transparency = TransparencyType.Transparent,
                Created = Utc(d.CreatedAt),
                DtStamp = Utc(d.CreatedAt),
            });
        }

        // Each zone in use once, with its rules from the earliest event on (no history before it).
        var earliest = calendar.Events.Select(e => e.DtStart!.AsUtc).DefaultIfEmpty(DateTime.UnixEpoch).Min();
        foreach (var zone in zones.Values.Distinct().Where(z => !IsUtc(z)).Order(StringComparer.Ordinal))
        {
            calendar.AddTimeZone(zone, earliest.AddDays(-1), includeHistoricalData: false);
        }

        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }

    /// <summary>The file with a strong ETag over its bytes; 304 when the caller's copy is current (calendar apps poll).</summary>
    public static Results<ContentHttpResult, StatusCodeHttpResult> Answer(HttpContext http, string ics)
    {
        var etag = "\"" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(ics)))[..32] + "\"";
        http.Response.Headers.ETag = etag;
        http.Response.Headers.CacheControl = "private, no-cache";
        return http.Request.Headers.IfNoneMatch.Any(v => v == etag)
            ? TypedResults.StatusCode(StatusCodes.Status304NotModified)
            : TypedResults.Text(ics, ContentType);
    }

    private static CalDateTime At(DateTimeOffset instant, string zone) => IsUtc(zone)
        ? Utc(instant)
        : new CalDateTime(TimeZoneInfo.ConvertTime(instant, TimeZoneInfo.FindSystemTimeZoneById(zone)).DateTime, zone, true);

    private static CalDateTime Utc(DateTimeOffset instant) => new(instant.UtcDateTime, CalDateTime.UtcTzId, true);

    private static bool IsUtc(string zone) => zone is "UTC" or "Etc/UTC" or "Etc/GMT" or "GMT";

    private static string KindLabel(SessionKind kind, bool french) => kind switch
    {
        SessionKind.Webinar => french ? "Webinaire" : "Webinar",
        SessionKind.VirtualClass => french ? "Classe virtuelle" : "Virtual class",
        _ => french ? "Présentiel" : "In person",
    };
}
