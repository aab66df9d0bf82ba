using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Data.Sqlite;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using Spoc.Modules.Assessment.Domain;

// The bare baseline of bench/run.sh: minimal Kestrel + raw ADO.NET (Microsoft.Data.Sqlite) on the API's own SQLite file,
// answering the same routes with the same JSON. What it keeps of the API, so that the comparison is fair: the same JWT
// validation (same key, issuer, audience, algorithm) and a minimal access check per route (the caller's cohort role, or
// their organisation role for the course outline), in the same SQL statement as the data when it can. What it leaves out:
// middleware (security headers, rate limiting, idempotency, problem details), the mediator and its behaviours, EF Core,
// mentors' and partners' finer rules. It counts its SQL commands in X-Sql-Commands like the API's Diagnostics switch.
// Two pure pieces of the product are compiled in from its sources (see the .csproj), because the comparison is about
// everything around them: the gradebook's arithmetic, and the Markdown rendering of a handed-in text.
var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
var database = builder.Configuration["Bench:Database"] ?? throw new InvalidOperationException("Bench:Database (path of spoc.db) is required");
var connectionString = $"Data Source={database};Mode=ReadWrite;Default Timeout=30;Pooling=True";
var key = Convert.FromBase64String(builder.Configuration["Auth:SigningKey"] ?? throw new InvalidOperationException("Auth:SigningKey is required"));
builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(jwt =>
{
    jwt.MapInboundClaims = false;
    jwt.TokenValidationParameters = new TokenValidationParameters
    {
        ValidIssuer = "spoc", ValidAudience = "spoc-api", IssuerSigningKey = new SymmetricSecurityKey(key), ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
        RequireSignedTokens = true, RequireExpirationTime = true, ClockSkew = TimeSpan.FromSeconds(30), NameClaimType = "sub",
    };
});
builder.Services.AddAuthorization();
builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new UtcConverter()));
var app = builder.Build();
// The bodies the baseline digests for an ETag are written with the HTTP JSON options, as the API's (same escaping).
var json = app.Services.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
app.UseAuthentication();
app.UseAuthorization();

app.MapGet("/health/live", () => Results.Text("Healthy"));
var api = app.MapGroup("/api/v1").RequireAuthorization();

api.MapGet("/cohorts/{cohortId:guid}", async (Guid cohortId, HttpContext http) =>
{
    await using var db = await Db.OpenAsync(http, connectionString);
    var me = Db.Me(http);
    var cohort = await db.SingleAsync(
        """
        SELECT c.Id, c.CourseId, c.OrganizationId, c.Title, c.Capacity, c.SeatsTaken, c.StartsOn, c.EndsOn, c.ApplicationsOpenAt, c.ApplicationsCloseAt,
               c.AdmissionMode, c.TimeZone, c.Version, m.Role,
               (SELECT COUNT(*) FROM CohortApplications a WHERE a.CohortId = c.Id AND a.Status = 'Waitlisted')
        FROM Cohorts c JOIN CohortMembers m ON m.CohortId = c.Id AND m.UserId = $me WHERE c.Id = $id
        """,
        r => new
        {
            Id = r.GetGuid(0), CourseId = r.GetGuid(1), OrganizationId = r.GetGuid(2), Title = r.GetString(3), Capacity = r.GetInt32(4), SeatsTaken = r.GetInt32(5),
            StartsOn = DateOnly.Parse(r.GetString(6), CultureInfo.InvariantCulture), EndsOn = DateOnly.Parse(r.GetString(7), CultureInfo.InvariantCulture),
            OpenAt = Db.Time(r, 8), CloseAt = Db.Time(r, 9), Mode = r.GetString(10), TimeZone = r.GetString(11), Version = r.GetGuid(12), Role = r.GetString(13), Waitlist = r.GetInt32(14),
        },
        ("$id", cohortId), ("$me", me));
    if (cohort is null)
    {
        return Results.NotFound();
    }

    var partners = await db.ListAsync("SELECT OrganizationId, Status FROM CohortOrganizations WHERE CohortId = $id", r => new Partnership(r.GetGuid(0), r.GetString(1)), ("$id", cohortId));
    var body = JsonSerializer.SerializeToUtf8Bytes(
        new CohortResponse(cohort.Id, cohort.CourseId, cohort.OrganizationId, cohort.Title, cohort.Capacity, cohort.SeatsTaken, cohort.Capacity - cohort.SeatsTaken, cohort.Waitlist,
            cohort.StartsOn, cohort.EndsOn, cohort.OpenAt, cohort.CloseAt, cohort.Mode, partners.Select(p => p.OrganizationId).ToList(), cohort.TimeZone, cohort.Role, partners,
            Capabilities.Of(cohort.Role)),
        json);
    http.Response.Headers.ETag = $"\"{cohort.Version:N}-{Convert.ToHexStringLower(SHA256.HashData(body), 0, 8)}\"";
    return Results.Bytes(body, "application/json; charset=utf-8");
});

api.MapGet("/cohorts/{cohortId:guid}/members", async (Guid cohortId, int? page, int? pageSize, HttpContext http) =>
{
    await using var db = await Db.OpenAsync(http, connectionString);
    var me = Db.Me(http);
    var (p, size) = (page ?? 1, pageSize ?? 20);
    var total = await db.SingleAsync(
        "SELECT (SELECT Role FROM CohortMembers WHERE CohortId = $id AND UserId = $me), (SELECT COUNT(*) FROM CohortMembers WHERE CohortId = $id)",
        r => new { Role = r.IsDBNull(0) ? null : r.GetString(0), Count = r.GetInt32(1) }, ("$id", cohortId), ("$me", me));
    if (total?.Role is not { } role)
    {
        return Results.NotFound();
    }

    var items = await db.ListAsync(
        """
        SELECT m.UserId, u.DisplayName, u.Email, m.Role, m.MentorId, mu.DisplayName, m.GroupId, g.Name, m.JoinedAt, m.Version, m.UpdatedAt
        FROM CohortMembers m JOIN Users u ON u.Id = m.UserId LEFT JOIN Users mu ON mu.Id = m.MentorId LEFT JOIN CohortGroups g ON g.Id = m.GroupId
        WHERE m.CohortId = $id ORDER BY m.Role, m.JoinedAt, m.UserId LIMIT $take OFFSET $skip
        """,
        r =>
        {
            var userId = r.GetGuid(0);
            Guid? mentorId = r.IsDBNull(4) ? null : r.GetGuid(4);
            var seesEmail = role == "Trainer" || (role == "Mentor" && mentorId == me);
            return new Member(userId, r.GetString(1), seesEmail ? r.GetString(2) : null, r.GetString(3), mentorId, r.IsDBNull(5) ? null : r.GetString(5),
                r.IsDBNull(6) ? null : r.GetGuid(6), r.IsDBNull(7) ? null : r.GetString(7), Db.Time(r, 8), $"\"{r.GetGuid(9):N}\"", Db.Time(r, 10), false);
        },
        ("$id", cohortId), ("$take", size), ("$skip", (p - 1) * size));
    return Results.Ok(new Paged<Member>(items, p, size, total.Count));
});

api.MapGet("/cohorts/{cohortId:guid}/schedule", async (Guid cohortId, HttpContext http) =>
{
    await using var db = await Db.OpenAsync(http, connectionString);
    var me = Db.Me(http);
    var cohort = await db.CohortAsync(cohortId, me);
    if (cohort is null)
    {
        return Results.NotFound();
    }

    Guid? learnerId = cohort.Role == "Learner" ? me : null;
    var showEverything = cohort.Role == "Trainer";
    var zone = TimeZoneInfo.FindSystemTimeZoneById(cohort.TimeZone);
    var now = DateTimeOffset.UtcNow;
    var activities = await db.ListAsync(
        """
        SELECT a.Id, a.SectionId, s.Title, a.Kind, a.Title, a.DurationMinutes, a.OffsetDays, a.DueOffsetDays, a.ContentHtml, a.Url, a.FileId
        FROM CourseActivities a JOIN CourseSections s ON s.Id = a.SectionId JOIN Courses c ON c.Id = a.CourseId
        WHERE a.CourseId = $course AND (c.IsPublished OR $preview) ORDER BY s.Position, a.Position
        """,
        r => new { Id = r.GetGuid(0), SectionId = r.GetGuid(1), SectionTitle = r.GetString(2), Kind = r.GetString(3), Title = r.GetString(4), Duration = r.GetInt32(5), Offset = r.GetInt32(6),
            Due = r.IsDBNull(7) ? (int?)null : r.GetInt32(7), Html = r.GetString(8), Url = r.IsDBNull(9) ? null : r.GetString(9), HasFile = !r.IsDBNull(10) },
        ("$course", cohort.CourseId), ("$preview", showEverything));
    var shifts = learnerId is null ? [] : await db.ListAsync("SELECT ActivityId, Days FROM CoursePacingShifts WHERE CohortId = $id AND UserId = $me",
        r => (ActivityId: r.IsDBNull(0) ? (Guid?)null : r.GetGuid(0), Days: r.GetInt32(1)), ("$id", cohortId), ("$me", me));
    var completions = learnerId is null ? [] : (await db.ListAsync("SELECT ActivityId, CompletedAt FROM CourseCompletions WHERE CohortId = $id AND UserId = $me",
        r => (r.GetGuid(0), Db.Time(r, 1)), ("$id", cohortId), ("$me", me))).ToDictionary();
    var course = await db.ListAsync(
        "SELECT c.Title, c.Summary, k.Code, k.Title FROM Courses c LEFT JOIN CourseCompetencies k ON k.CourseId = c.Id WHERE c.Id = $course AND (c.IsPublished OR $preview) ORDER BY k.Code",
        r => (Title: r.GetString(0), Summary: r.GetString(1), Competency: r.IsDBNull(2) ? null : new CourseCompetencyItem(r.GetString(2), r.GetString(3))),
        ("$course", cohort.CourseId), ("$preview", showEverything));
    var extras = learnerId is null ? [] : await db.ListAsync("SELECT Id, Title, Url, ContentHtml FROM CourseExtraResources WHERE CohortId = $id AND UserId = $me",
        r => new Extra(r.GetGuid(0), r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2), r.GetString(3)), ("$id", cohortId), ("$me", me));
    var shiftForAll = shifts.Where(s => s.ActivityId == null).Sum(s => s.Days);
    var scheduled = activities.Select(a =>
    {
        var shift = shiftForAll + shifts.Where(s => s.ActivityId == a.Id).Sum(s => s.Days);
        var releaseAt = Dates.StartOfDay(cohort.StartsOn.AddDays(a.Offset), zone);
        DateTimeOffset? dueAt = a.Due is { } due ? Dates.EndOfDay(cohort.StartsOn.AddDays(due + shift), zone) : null;
        var released = releaseAt <= now;
        var visible = released || showEverything;
        return new ScheduledActivity(a.Id, a.SectionId, a.SectionTitle, a.Kind, a.Title, a.Duration, releaseAt, dueAt, shift, released, visible ? a.Html : null, visible ? a.Url : null, a.HasFile,
            completions.TryGetValue(a.Id, out var done) ? done : null);
    }).ToList();
    return Results.Ok(new Schedule(cohortId, cohort.CourseId, cohort.TimeZone, cohort.StartsOn, learnerId, scheduled, extras,
        course.Count == 0 ? null : new CourseAbout(course[0].Title, Spoc.SharedKernel.Text.Markdown.ToSafeHtml(course[0].Summary), [.. course.Select(c => c.Competency).OfType<CourseCompetencyItem>()])));
});

api.MapGet("/cohorts/{cohortId:guid}/progress", async (Guid cohortId, HttpContext http) =>
{
    await using var db = await Db.OpenAsync(http, connectionString);
    var me = Db.Me(http);
    var cohort = await db.CohortAsync(cohortId, me);
    if (cohort is null)
    {
        return Results.NotFound();
    }

    // Trainers see every row, anyone else their own (the API also gives mentors their learners' rows).
    var all = cohort.Role == "Trainer";
    var columns = await db.ListAsync(
        "SELECT a.Id, a.SectionId, s.Title, a.Title, a.Kind, a.DueOffsetDays FROM CourseActivities a JOIN CourseSections s ON s.Id = a.SectionId WHERE a.CourseId = $course ORDER BY s.Position, a.Position",
        r => (Column: new ActivityColumn(r.GetGuid(0), r.GetGuid(1), r.GetString(2), r.GetString(3), r.GetString(4)), Due: r.IsDBNull(5) ? (int?)null : r.GetInt32(5)), ("$course", cohort.CourseId));
    var activities = columns.Select(c => c.Column).ToList();
    var learners = await db.ListAsync(
        "SELECT l.UserId, u.DisplayName, l.WithdrawnAt IS NOT NULL FROM CourseCohortLearners l JOIN Users u ON u.Id = l.UserId WHERE l.CohortId = $id AND ($all OR l.UserId = $me)",
        r => (UserId: r.GetGuid(0), Name: r.GetString(1), Withdrawn: r.GetBoolean(2)), ("$id", cohortId), ("$all", all), ("$me", me));
    // The compact matrix of the API: per learner the indexes of the activities done, ascending, and when (Unix seconds).
    var column = activities.Select((a, i) => (a.Id, i)).ToDictionary(x => x.Id, x => x.i);
    var completions = (await db.ListAsync("SELECT UserId, ActivityId, CompletedAt FROM CourseCompletions WHERE CohortId = $id AND ($all OR UserId = $me)",
        r => (UserId: r.GetGuid(0), ActivityId: r.GetGuid(1), At: r.GetInt64(2)), ("$id", cohortId), ("$all", all), ("$me", me)))
        .Where(c => column.ContainsKey(c.ActivityId))
        .ToLookup(c => c.UserId, c => (Index: column[c.ActivityId], At: new DateTimeOffset(c.At, TimeSpan.Zero).ToUnixTimeSeconds()));
    // Late: due (the end of the due day in the cohort's zone, the learner's pacing shifts added) and not done by then.
    var shiftsOf = (await db.ListAsync("SELECT UserId, ActivityId, Days FROM CoursePacingShifts WHERE CohortId = $id AND ($all OR UserId = $me)",
        r => (UserId: r.GetGuid(0), ActivityId: r.IsDBNull(1) ? (Guid?)null : r.GetGuid(1), Days: r.GetInt32(2)), ("$id", cohortId), ("$all", all), ("$me", me))).ToLookup(p => p.UserId);
    var zone = TimeZoneInfo.FindSystemTimeZoneById(cohort.TimeZone);
    var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
    var rows = learners
        .Select(l =>
        {
            var done = completions[l.UserId].OrderBy(c => c.Index).ToList();
            var doneAt = done.ToDictionary(c => c.Index, c => c.At);
            var shifts = shiftsOf[l.UserId].ToList();
            var forAll = shifts.Where(p => p.ActivityId == null).Sum(p => p.Days);
            var late = columns
                .Select((a, i) => (i, Due: a.Due is { } due
                    ? Dates.EndOfDay(cohort.StartsOn.AddDays(due + forAll + shifts.Where(p => p.ActivityId == a.Column.Id).Sum(p => p.Days)), zone).ToUnixTimeSeconds()
                    : (long?)null))
                .Where(x => x.Due < now && (!doneAt.TryGetValue(x.i, out var at) || at > x.Due))
                .Select(x => x.i)
                .ToList();
            return new LearnerRow(l.UserId, l.Name, l.Withdrawn, activities.Count == 0 ? 0 : (int)Math.Round(100.0 * done.Count / activities.Count),
                [.. done.Select(c => c.Index)], [.. done.Select(c => c.At)], late);
        })
        .OrderBy(r => r.Withdrawn).ThenBy(r => r.DisplayName, StringComparer.CurrentCulture)
        .ToList();
    // The API's ETag for a content-versioned answer: the empty version and a digest of the JSON; 304 on a match.
    var body = JsonSerializer.SerializeToUtf8Bytes(new Progress(cohortId, activities, rows), json);
    var etag = $"\"{Guid.Empty:N}-{Convert.ToHexStringLower(SHA256.HashData(body), 0, 8)}\"";
    http.Response.Headers.ETag = etag;
    return http.Request.Headers.IfNoneMatch == etag ? Results.StatusCode(304) : Results.Bytes(body, "application/json; charset=utf-8");
});

api.MapGet("/courses/{courseId:guid}/outline", async (Guid courseId, HttpContext http) =>
{
    await using var db = await Db.OpenAsync(http, connectionString);
    var course = await db.SingleAsync(
        """
        SELECT c.Title, c.IsPublished, om.Role FROM Courses c JOIN OrganizationMembers om ON om.OrganizationId = c.OrganizationId AND om.UserId = $me
        WHERE c.Id = $id AND (c.IsPublished OR om.Role IN ('OrgAdmin', 'Trainer'))
        """,
        r => new { Title = r.GetString(0), Published = r.GetBoolean(1), Staff = r.GetString(2) is "OrgAdmin" or "Trainer" }, ("$id", courseId), ("$me", Db.Me(http)));
    if (course is null)
    {
        return Results.NotFound();
    }

    var activities = (await db.ListAsync(
        """
        SELECT a.SectionId, a.Id, a.Kind, a.Title, a.ContentMarkdown, a.ContentHtml, a.Url, a.FileId, a.Position, a.OffsetDays, a.DueOffsetDays, a.DurationMinutes, a.CompetencyCodes, a.Version
        FROM CourseActivities a WHERE a.CourseId = $id ORDER BY a.Position
        """,
        r => (Activity: new ActivityResponse(r.GetGuid(1), r.GetGuid(0), r.GetString(2), r.GetString(3), course.Staff ? r.GetString(4) : "", course.Staff ? r.GetString(5) : "",
            course.Staff && !r.IsDBNull(6) ? r.GetString(6) : null, course.Staff && !r.IsDBNull(7) ? r.GetGuid(7) : null, r.GetInt32(8), r.GetInt32(9), r.IsDBNull(10) ? null : r.GetInt32(10), r.GetInt32(11),
            JsonSerializer.Deserialize<string[]>(r.GetString(12)) ?? [], $"\"{r.GetGuid(13):N}\""), Version: r.GetGuid(13)),
        ("$id", courseId)));
    var bySection = activities.ToLookup(a => a.Activity.SectionId, a => a.Activity);
    var sections = await db.ListAsync("SELECT Id, Title, Position, Version FROM CourseSections WHERE CourseId = $id ORDER BY Position",
        r => (Section: new OutlineSection(r.GetGuid(0), r.GetString(1), r.GetInt32(2), bySection[r.GetGuid(0)].ToList(), $"\"{r.GetGuid(3):N}\""), Version: r.GetGuid(3)), ("$id", courseId));
    // The outline's own version in the body; the ETag header adds a digest of the JSON, as the API's (see the progress matrix).
    var version = Spoc.Modules.Courses.Domain.OutlineVersion.Of(sections.Select(s => (s.Section.Id, s.Version)).Concat(activities.Select(a => (a.Activity.Id, a.Version))));
    var body = JsonSerializer.SerializeToUtf8Bytes(new Outline(courseId, course.Title, course.Published, [.. sections.Select(s => s.Section)], $"\"{version:N}\""), json);
    http.Response.Headers.ETag = $"\"{version:N}-{Convert.ToHexStringLower(SHA256.HashData(body), 0, 8)}\"";
    return Results.Bytes(body, "application/json; charset=utf-8");
});

api.MapPost("/cohorts/{cohortId:guid}/activities/{activityId:guid}/completion", async (Guid cohortId, Guid activityId, HttpContext http) =>
{
    await using var db = await Db.OpenAsync(http, connectionString);
    var me = Db.Me(http);
    var found = await db.SingleAsync(
        """
        SELECT c.StartsOn, c.TimeZone, a.OffsetDays FROM Cohorts c JOIN CohortMembers m ON m.CohortId = c.Id AND m.UserId = $me AND m.Role = 'Learner'
        JOIN CourseActivities a ON a.CourseId = c.CourseId AND a.Id = $activity JOIN Courses co ON co.Id = c.CourseId AND co.IsPublished WHERE c.Id = $id
        """,
        r => (StartsOn: DateOnly.Parse(r.GetString(0), CultureInfo.InvariantCulture), Zone: r.GetString(1), Offset: r.GetInt32(2)), ("$id", cohortId), ("$me", me), ("$activity", activityId));
    if (found.Zone is null)
    {
        return Results.NotFound();
    }

    var now = DateTimeOffset.UtcNow;
    if (Dates.StartOfDay(found.StartsOn.AddDays(found.Offset), TimeZoneInfo.FindSystemTimeZoneById(found.Zone)) > now)
    {
        return Results.Conflict();
    }

    // Inserted, or the first completion's time when it was already done (idempotent, as the API).
    var completedAt = await db.SingleAsync(
        """
        INSERT INTO CourseCompletions (CohortId, UserId, ActivityId, CompletedAt) VALUES ($id, $me, $activity, $now) ON CONFLICT DO UPDATE SET CompletedAt = CompletedAt RETURNING CompletedAt
        """,
        r => Db.Time(r, 0), ("$id", cohortId), ("$me", me), ("$activity", activityId), ("$now", now.UtcTicks));
    return Results.Ok(new Completed(activityId, completedAt));
});

api.MapGet("/cohorts/{cohortId:guid}/gradebook", async (Guid cohortId, int? page, int? pageSize, HttpContext http) =>
{
    await using var db = await Db.OpenAsync(http, connectionString);
    var me = Db.Me(http);
    var (p, size) = (page ?? 1, pageSize ?? 20);
    var cohort = await db.CohortAsync(cohortId, me);
    if (cohort is null)
    {
        return Results.NotFound();
    }

    // Trainers see every learner, a mentor their own, a learner themselves; by name as the API sorts them.
    var learners = (await db.ListAsync(
            """
            SELECT m.UserId, u.DisplayName FROM CohortMembers m JOIN Users u ON u.Id = m.UserId
            WHERE m.CohortId = $id AND m.Role = 'Learner' AND ($all OR m.UserId = $me OR m.MentorId = $me)
            """,
            r => (Id: r.GetGuid(0), Name: r.GetString(1)), ("$id", cohortId), ("$all", cohort.Role == "Trainer"), ("$me", me)))
        .OrderBy(l => l.Name, StringComparer.CurrentCulture).ThenBy(l => l.Id).ToList();
    var pageOf = learners.Skip((p - 1) * size).Take(size).ToList();
    var policy = await db.SingleAsync("SELECT Categories, PassMark, MissingCountsAsZero, UpdatedAt IS NULL, Version FROM GradebookPolicies WHERE CohortId = $id",
            r => new GradebookPolicy(cohortId, JsonSerializer.Deserialize<List<GradebookCategory>>(r.GetString(0), json)!, r.GetDecimal(1), r.GetBoolean(2), r.GetBoolean(3), r.GetGuid(4)),
            ("$id", cohortId))
        ?? new GradebookPolicy(cohortId, [], 50m, false, true, Guid.Empty);
    var now = DateTimeOffset.UtcNow;
    var columns = await db.ListAsync(
        "SELECT Id, Title, Kind, Category, MaxPoints, DueAt FROM Assignments WHERE CohortId = $id AND IsPublished AND ReleaseAt <= $now ORDER BY DueAt, Id",
        r => new GradebookColumn(r.GetGuid(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetDecimal(4), Db.Time(r, 5)), ("$id", cohortId), ("$now", now.UtcTicks));
    var ids = JsonSerializer.Serialize(pageOf.Select(l => l.Id.ToString().ToUpperInvariant()));
    // Per learner and assignment: handed in, and the released grade of their latest attempt that has one (attempt 0: none).
    var standing = new Dictionary<(Guid, Guid), (int Attempt, decimal Score, int Penalty)>();
    var shifts = new Dictionary<Guid, int>();
    if (pageOf.Count > 0 && columns.Count > 0)
    {
        foreach (var a in await db.ListAsync(
            """
            SELECT s.AuthorId, s.AssignmentId, s.Attempt, s.PenaltyPercent, g.Status = 'Released', g.Score
            FROM Submissions s LEFT JOIN Grades g ON g.SubmissionId = s.Id
            WHERE s.AssignmentId IN (SELECT value FROM json_each($columns)) AND s.AuthorId IN (SELECT value FROM json_each($ids))
            """,
            r => (Key: (r.GetGuid(0), r.GetGuid(1)), Attempt: r.GetInt32(2), Penalty: r.GetInt32(3), Released: !r.IsDBNull(4) && r.GetBoolean(4), Score: r.IsDBNull(5) ? 0m : r.GetDecimal(5)),
            ("$columns", JsonSerializer.Serialize(columns.Select(c => c.Id.ToString().ToUpperInvariant()))), ("$ids", ids)))
        {
            var known = standing.GetValueOrDefault(a.Key);
            standing[a.Key] = a.Released && a.Attempt > known.Attempt ? (a.Attempt, a.Score, a.Penalty) : known;
        }

        shifts = (await db.ListAsync(
            "SELECT UserId, SUM(Days) FROM CoursePacingShifts WHERE CohortId = $id AND ActivityId IS NULL AND UserId IN (SELECT value FROM json_each($ids)) GROUP BY UserId",
            r => (r.GetGuid(0), r.GetInt32(1)), ("$id", cohortId), ("$ids", ids))).ToDictionary();
    }

    var categories = policy.Categories.Select(c => new GradebookArithmetic.Category(c.Weight, c.DropLowest)).ToArray();
    var arithmetic = columns.Select(c => new GradebookArithmetic.Column(policy.Categories.FindIndex(x => string.Equals(x.Name, c.Category.Trim(), StringComparison.OrdinalIgnoreCase)), c.MaxPoints)).ToArray();
    var zone = TimeZoneInfo.FindSystemTimeZoneById(cohort.TimeZone);
    var rows = pageOf.Select(learner =>
    {
        var shift = shifts.GetValueOrDefault(learner.Id);
        var cells = new GradebookArithmetic.Cell[columns.Count];
        var statuses = new string[columns.Count];
        for (var i = 0; i < columns.Count; i++)
        {
            if (standing.TryGetValue((learner.Id, columns[i].Id), out var handedIn))
            {
                (cells[i], statuses[i]) = handedIn.Attempt > 0
                    ? (new GradebookArithmetic.Cell(handedIn.Score, columns[i].Kind == "Quiz" ? 0 : handedIn.Penalty, false), "Released")
                    : (default, "Pending");
            }
            else
            {
                var missing = now > Dates.Shifted(columns[i].DueAt, shift, zone);
                (cells[i], statuses[i]) = (new GradebookArithmetic.Cell(null, 0, missing), missing ? "Missing" : "Upcoming");
            }
        }

        var result = GradebookArithmetic.Compute(categories, policy.MissingCountsAsZero, arithmetic, cells);
        return new GradebookRow(learner.Id, learner.Name, result.Grade, result.Grade is { } grade ? grade >= policy.PassMark : null,
            [.. policy.Categories.Select((c, i) => new GradebookCategoryGrade(c.Name, result.Categories[i]))],
            [.. statuses.Select((status, i) => new GradebookCell(result.Points[i], status, result.Dropped[i]))]);
    }).ToList();
    return Results.Ok(new Gradebook(cohortId, policy, columns, rows, p, size, learners.Count));
});

api.MapPost("/assignments/{assignmentId:guid}/submissions", async (Guid assignmentId, SubmissionText body, HttpContext http) =>
{
    await using var db = await Db.OpenAsync(http, connectionString);
    var me = Db.Me(http);
    // Text assignments only (the benchmark's): the assignment, the caller's seat, their attempts so far and their shift, in one statement.
    var found = await db.SingleAsync(
        """
        SELECT a.CohortId, a.IsPublished AND a.ReleaseAt <= $now, a.DueAt, a.AllowResubmission, a.LatePolicy, a.LatePenaltyPercentPerDay, c.TimeZone,
               (SELECT COUNT(*) FROM Submissions s WHERE s.AssignmentId = a.Id AND s.AuthorId = $me),
               (SELECT COALESCE(SUM(p.Days), 0) FROM CoursePacingShifts p WHERE p.CohortId = a.CohortId AND p.UserId = $me AND p.ActivityId IS NULL)
        FROM Assignments a JOIN Cohorts c ON c.Id = a.CohortId JOIN CohortMembers m ON m.CohortId = c.Id AND m.UserId = $me AND m.Role = 'Learner'
        WHERE a.Id = $id AND a.Kind = 'Text'
        """,
        r => (CohortId: r.GetGuid(0), Open: r.GetBoolean(1), DueAt: Db.Time(r, 2), Again: r.GetBoolean(3), Policy: r.GetString(4), Penalty: r.IsDBNull(5) ? 0 : r.GetInt32(5),
            Zone: r.GetString(6), Previous: r.GetInt32(7), Shift: r.GetInt32(8)),
        ("$id", assignmentId), ("$me", me), ("$now", DateTimeOffset.UtcNow.UtcTicks));
    if (found.Zone is null || !found.Open)
    {
        return Results.NotFound();
    }

    var now = DateTimeOffset.UtcNow;
    var dueAt = Dates.Shifted(found.DueAt, found.Shift, TimeZoneInfo.FindSystemTimeZoneById(found.Zone));
    var daysLate = now <= dueAt ? 0 : (int)Math.Ceiling((now - dueAt).TotalDays);
    if ((found.Previous > 0 && !found.Again) || (daysLate > 0 && found.Policy == "Refuse") || string.IsNullOrWhiteSpace(body.Text))
    {
        return Results.Conflict();
    }

    var penalty = daysLate > 0 && found.Policy == "PenaltyPerDay" ? Math.Min(100, daysLate * found.Penalty) : 0;
    var submission = new Submitted(Guid.CreateVersion7(), assignmentId, found.CohortId, me, found.Previous + 1, now, dueAt, daysLate > 0, daysLate, penalty, body.Text,
        Spoc.SharedKernel.Text.Markdown.ToSafeHtml(body.Text), [], [], null);
    // The row and its SubmissionReceived in the outbox, in one transaction as the API's SaveChanges (BEGIN IMMEDIATE on both
    // sides); written as already dispatched, so that the API's dispatcher (same file) leaves the baseline's events alone.
    // A transaction object, not a BEGIN … COMMIT batch: a failed insert must roll back. The batch left its transaction open on
    // the pooled connection, holding SQLite's write lock, and every later writer of either side waited out its timeout (the
    // 14,659 errors of the 2026-12-01 run, and the API's 0 writes measured after it). A writer's concurrent attempt that took
    // the same number is refused by the unique index, as in the API: 409.
    await using var transaction = (SqliteTransaction)await db.BeginTransactionAsync();
    try
    {
        await transaction.ExecuteAsync(
            """
            INSERT INTO Submissions (Id, AssignmentId, CohortId, AuthorId, Attempt, SubmittedAt, DueAt, DaysLate, PenaltyPercent, TextMarkdown, TextHtml, FileIds, Answers, Score)
            VALUES ($id, $assignment, $cohort, $me, $attempt, $at, $due, $late, $penalty, $text, $html, '[]', '[]', NULL);
            INSERT INTO AssessmentOutbox (Id, Type, Payload, OccurredAt, NextAttemptAt, ProcessedAt, Attempts) VALUES ($event, 'SubmissionReceived (baseline)', $payload, $at, $at, $at, 0);
            """,
            ("$id", submission.Id), ("$assignment", assignmentId), ("$cohort", found.CohortId), ("$me", me), ("$attempt", submission.Attempt), ("$at", now.UtcTicks),
            ("$due", dueAt.UtcTicks), ("$late", daysLate), ("$penalty", penalty), ("$text", body.Text), ("$html", submission.TextHtml!), ("$event", Guid.CreateVersion7()),
            ("$payload", JsonSerializer.Serialize(new { found.CohortId, AssignmentId = assignmentId, SubmissionId = submission.Id, AuthorId = me, submission.Attempt, submission.IsLate, At = now })));
        await transaction.CommitAsync();
    }
    catch (SqliteException e) when (e.SqliteExtendedErrorCode is 2067 or 1555)
    {
        return Results.Conflict();
    }

    return Results.Created($"/api/v1/submissions/{submission.Id}", submission);
});

// Forums (Community): the caller's cohort role and group decide what they read, as ForumAccess: staff (trainers, mentors)
// everything, a learner the cohort's forum, announcements to the cohort or their group, and their group's space.
api.MapGet("/threads/{threadId:guid}", async (Guid threadId, int? page, int? pageSize, HttpContext http) =>
{
    await using var db = await Db.OpenAsync(http, connectionString);
    var me = Db.Me(http);
    var (p, size) = (page ?? 1, pageSize ?? 20);
    var t = await db.SingleAsync(
        """
        SELECT t.CohortId, t.GroupId, t.Title, t.AuthorId, u.DisplayName, t.CreatedAt, t.LastPostAt, t.IsAnnouncement, t.IsPinned, t.IsLocked, t.AnswerPostId, t.AnsweredByStaff,
               t.Version, m.Role, m.GroupId, (SELECT json_group_array(a.GroupId) FROM ForumThreadAudiences a WHERE a.ThreadId = t.Id),
               (SELECT COUNT(*) FROM ForumPosts p WHERE p.ThreadId = t.Id),
               (SELECT r.LastReadNumber FROM ForumReadMarkers r WHERE r.ThreadId = t.Id AND r.UserId = $me)
        FROM ForumThreads t JOIN CohortMembers m ON m.CohortId = t.CohortId AND m.UserId = $me LEFT JOIN Users u ON u.Id = t.AuthorId WHERE t.Id = $id
        """,
        r =>
        {
            var staff = r.GetString(13) is "Trainer" or "Mentor";
            var thread = new ForumThread(threadId, r.GetGuid(0), r.IsDBNull(1) ? null : r.GetGuid(1), r.GetString(2), r.GetGuid(3), r.IsDBNull(4) ? "" : r.GetString(4), Db.Time(r, 5), Db.Time(r, 6),
                r.GetBoolean(7), Db.Guids(r.GetString(15)), r.GetBoolean(8), r.GetBoolean(9), r.IsDBNull(10) ? null : r.GetGuid(10), r.GetBoolean(11),
                !r.GetBoolean(9) && (staff || !r.GetBoolean(7)), staff, staff || r.GetGuid(3) == me, r.GetGuid(12));
            return (Thread: thread, Staff: staff, Group: r.IsDBNull(14) ? (Guid?)null : r.GetGuid(14), Total: r.GetInt32(16), ReadUpTo: r.IsDBNull(17) ? 0 : r.GetInt32(17));
        },
        ("$id", threadId), ("$me", me));
    if (t.Thread is not { } thread || !(t.Staff || Forums.Reads(thread.GroupId, thread.AudienceGroupIds, t.Group)))
    {
        return Results.NotFound();
    }

    var window = "SELECT Id FROM ForumPosts WHERE ThreadId = $id ORDER BY Number LIMIT $take OFFSET $skip";
    var reactions = (await db.ListAsync(
            $"SELECT PostId, Emoji, COUNT(*), SUM(UserId = $me) FROM ForumReactions WHERE PostId IN ({window}) GROUP BY PostId, Emoji",
            r => (PostId: r.GetGuid(0), Reaction: new ForumReaction(r.GetString(1), r.GetInt32(2), r.GetInt32(3) > 0)), ("$id", threadId), ("$me", me), ("$take", size), ("$skip", (p - 1) * size)))
        .ToLookup(x => x.PostId, x => x.Reaction);
    var posts = t.Total == 0 ? [] : await db.ListAsync(
        """
        SELECT p.Id, p.Number, p.AuthorId, u.DisplayName, p.ByStaff, p.ReplyToPostId, r.Number, p.Body, p.BodyHtml, p.MentionedUserIds, p.Attachments, p.CreatedAt, p.EditedAt,
               p.DeletedAt IS NOT NULL, p.HiddenAt IS NOT NULL, p.HiddenReason, p.Version
        FROM ForumPosts p LEFT JOIN Users u ON u.Id = p.AuthorId LEFT JOIN ForumPosts r ON r.Id = p.ReplyToPostId
        WHERE p.ThreadId = $id ORDER BY p.Number LIMIT $take OFFSET $skip
        """,
        r =>
        {
            var id = r.GetGuid(0);
            var shown = !r.GetBoolean(13) && (!r.GetBoolean(14) || t.Staff);
            return new ForumPost(id, threadId, r.GetInt32(1), r.GetGuid(2), r.IsDBNull(3) ? "" : r.GetString(3), r.GetBoolean(4), r.IsDBNull(5) ? null : r.GetGuid(5),
                r.IsDBNull(6) ? null : r.GetInt32(6), shown ? r.GetString(7) : null, shown ? r.GetString(8) : null, shown ? JsonSerializer.Deserialize<List<Guid>>(r.GetString(9), json)! : [],
                shown ? JsonSerializer.Deserialize<List<ForumAttachment>>(r.GetString(10), json)! : [], Db.Time(r, 11), r.IsDBNull(12) ? null : Db.Time(r, 12), r.GetBoolean(13),
                r.GetBoolean(14), r.IsDBNull(15) ? null : r.GetString(15), thread.AnswerPostId == id,
                [.. reactions[id].OrderBy(x => Array.IndexOf(Forums.Emojis, x.Emoji))], r.GetGuid(16));
        },
        ("$id", threadId), ("$take", size), ("$skip", (p - 1) * size));
    // The caller's read marker moves forward to the page's last post, as the API's: a write only when the page goes past it.
    if (posts.Count > 0 && posts[^1].Number > t.ReadUpTo)
    {
        await db.SingleAsync(
            """
            INSERT INTO ForumReadMarkers (ThreadId, UserId, LastReadNumber) VALUES ($id, $me, $n)
            ON CONFLICT DO UPDATE SET LastReadNumber = excluded.LastReadNumber WHERE LastReadNumber < excluded.LastReadNumber
            """,
            r => 0, ("$id", threadId), ("$me", me), ("$n", posts[^1].Number));
    }

    return Results.Ok(new ThreadPage(thread, new Paged<ForumPost>(posts, p, size, t.Total)));
});

api.MapGet("/cohorts/{cohortId:guid}/threads", async (Guid cohortId, int? page, int? pageSize, HttpContext http) =>
{
    await using var db = await Db.OpenAsync(http, connectionString);
    var me = Db.Me(http);
    var (p, size) = (page ?? 1, pageSize ?? 20);
    // Group: null when the caller is no member (404), DBNull when a member without a group (an SQL parameter either way).
    var member = await db.SingleAsync("SELECT Role, GroupId FROM CohortMembers WHERE CohortId = $id AND UserId = $me",
        r => (Staff: r.GetString(0) is "Trainer" or "Mentor", Group: r.IsDBNull(1) ? (object)DBNull.Value : r.GetGuid(1)), ("$id", cohortId), ("$me", me));
    if (member.Group is null)
    {
        return Results.NotFound();
    }

    // Pinned first, then by latest activity; the total in the same statement (a window over the visible threads).
    var visible = "t.CohortId = $id AND ($staff OR (t.GroupId IS NULL AND (NOT EXISTS (SELECT 1 FROM ForumThreadAudiences a WHERE a.ThreadId = t.Id) OR EXISTS (SELECT 1 FROM ForumThreadAudiences a WHERE a.ThreadId = t.Id AND a.GroupId = $group))) OR t.GroupId = $group)";
    var counted = "p.ThreadId = t.Id AND p.DeletedAt IS NULL AND ($staff OR p.HiddenAt IS NULL)";
    var total = 0;
    var items = await db.ListAsync(
        $"""
        SELECT t.Id, t.GroupId, t.Title, t.AuthorId, au.DisplayName, t.CreatedAt, t.LastPostAt, last.AuthorId, lu.DisplayName,
               (SELECT COUNT(*) FROM ForumPosts p WHERE {counted} AND p.Number > 1),
               (SELECT COUNT(*) FROM ForumPosts p WHERE {counted} AND p.AuthorId <> $me
                  AND p.Number > COALESCE((SELECT m.LastReadNumber FROM ForumReadMarkers m WHERE m.ThreadId = t.Id AND m.UserId = $me), 0)),
               t.IsAnnouncement, (SELECT json_group_array(a.GroupId) FROM ForumThreadAudiences a WHERE a.ThreadId = t.Id), t.IsPinned, t.IsLocked, t.AnswerPostId IS NOT NULL, t.AnsweredByStaff,
               COUNT(*) OVER ()
        FROM ForumThreads t LEFT JOIN Users au ON au.Id = t.AuthorId
        LEFT JOIN ForumPosts last ON last.Id = (SELECT p.Id FROM ForumPosts p WHERE p.ThreadId = t.Id ORDER BY p.Number DESC LIMIT 1) LEFT JOIN Users lu ON lu.Id = last.AuthorId
        WHERE {visible}
        ORDER BY t.IsPinned DESC, t.LastPostAt DESC, t.Id DESC LIMIT $take OFFSET $skip
        """,
        r =>
        {
            total = r.GetInt32(17);
            Guid? lastAuthor = r.IsDBNull(7) ? null : r.GetGuid(7);
            return new ForumThreadSummary(r.GetGuid(0), cohortId, r.IsDBNull(1) ? null : r.GetGuid(1), r.GetString(2), r.GetGuid(3), r.IsDBNull(4) ? "" : r.GetString(4), Db.Time(r, 5),
                Db.Time(r, 6), lastAuthor, lastAuthor is null || r.IsDBNull(8) ? null : r.GetString(8), r.GetInt32(9), r.GetInt32(10), r.GetBoolean(11), Db.Guids(r.GetString(12)),
                r.GetBoolean(13), r.GetBoolean(14), r.GetBoolean(15), r.GetBoolean(16));
        },
        ("$id", cohortId), ("$me", me), ("$staff", member.Staff), ("$group", member.Group), ("$take", size), ("$skip", (p - 1) * size));
    if (items.Count == 0 && p > 1)
    {
        total = await db.SingleAsync($"SELECT COUNT(*) FROM ForumThreads t WHERE {visible}", r => r.GetInt32(0), ("$id", cohortId), ("$staff", member.Staff), ("$group", member.Group));
    }

    return Results.Ok(new Paged<ForumThreadSummary>(items, p, size, total));
});

api.MapGet("/me/notifications", async (bool? unreadOnly, int? page, int? pageSize, HttpContext http) =>
{
    await using var db = await Db.OpenAsync(http, connectionString);
    var me = Db.Me(http);
    var (p, size) = (page ?? 1, pageSize ?? 20);
    var total = 0;
    var items = await db.ListAsync(
        """
        SELECT Id, Kind, Title, Summary, Link, CreatedAt, ReadAt, COUNT(*) OVER () FROM Notifications
        WHERE UserId = $me AND InFeed AND (NOT $unread OR ReadAt IS NULL) ORDER BY CreatedAt DESC, Id DESC LIMIT $take OFFSET $skip
        """,
        r =>
        {
            total = r.GetInt32(7);
            return new NotificationItem(r.GetGuid(0), r.GetString(1), r.GetString(2), r.IsDBNull(3) ? null : r.GetString(3), r.GetString(4), Db.Time(r, 5), r.IsDBNull(6) ? null : Db.Time(r, 6));
        },
        ("$me", me), ("$unread", unreadOnly ?? false), ("$take", size), ("$skip", (p - 1) * size));
    if (items.Count == 0 && p > 1)
    {
        total = await db.SingleAsync("SELECT COUNT(*) FROM Notifications WHERE UserId = $me AND InFeed AND (NOT $unread OR ReadAt IS NULL)", r => r.GetInt32(0), ("$me", me), ("$unread", unreadOnly ?? false));
    }

    return Results.Ok(new Paged<NotificationItem>(items, p, size, total));
});

api.MapGet("/cohorts/{cohortId:guid}/sessions", async (Guid cohortId, int? page, int? pageSize, HttpContext http) =>
{
    await using var db = await Db.OpenAsync(http, connectionString);
    var me = Db.Me(http);
    var (p, size) = (page ?? 1, pageSize ?? 20);
    var member = await db.SingleAsync("SELECT c.CourseId, c.TimeZone, m.Role, m.GroupId FROM Cohorts c JOIN CohortMembers m ON m.CohortId = c.Id AND m.UserId = $me WHERE c.Id = $id",
        r => (Course: r.GetGuid(0), TimeZone: r.GetString(1), Learner: r.GetString(2) == "Learner", Group: r.IsDBNull(3) ? (object)DBNull.Value : r.GetGuid(3)), ("$id", cohortId), ("$me", me));
    if (member.TimeZone is null || !member.Learner)
    {
        return Results.NotFound();
    }

    // A learner's view: the cohort's and their group's sessions, each with their own checklist and attendance, in one statement.
    var now = DateTimeOffset.UtcNow;
    var total = 0;
    var items = await db.ListAsync(
        """
        SELECT s.Id, s.GroupId, s.SeriesId, s.Occurrence, s.Title, s.Description, s.DescriptionHtml, s.Kind, s.StartsAt, s.EndsAt, s.MeetingUrl, s.Place, s.Room, s.Address,
               s.CancelledAt, s.CancellationReason, s.Sequence, s.Version,
               (SELECT json_group_array(json_array(p.ActivityId, a.Title, a.Kind, EXISTS (SELECT 1 FROM CourseCompletions c WHERE c.CohortId = s.CohortId AND c.UserId = $me AND c.ActivityId = p.ActivityId)))
                FROM (SELECT * FROM LiveSessionPreparations p WHERE p.SessionId = s.Id ORDER BY p.Position) p JOIN CourseActivities a ON a.Id = p.ActivityId AND a.CourseId = $course),
               (SELECT x.Status FROM LiveSessionAttendance x WHERE x.SessionId = s.Id AND x.UserId = $me),
               COUNT(*) OVER ()
        FROM LiveSessions s WHERE s.CohortId = $id AND (s.GroupId IS NULL OR s.GroupId = $group)
        ORDER BY s.StartsAt, s.Id LIMIT $take OFFSET $skip
        """,
        r =>
        {
            total = r.GetInt32(20);
            var (startsAt, endsAt, cancelledAt) = (Db.Time(r, 8), Db.Time(r, 9), r.IsDBNull(14) ? (DateTimeOffset?)null : Db.Time(r, 14));
            var opensAt = startsAt.AddMinutes(-15);
            var preparations = JsonSerializer.Deserialize<JsonElement[][]>(r.GetString(18))!.Where(x => x.Length > 0 && x[0].ValueKind != JsonValueKind.Null)
                .Select(x => new SessionPreparation(Guid.Parse(x[0].GetString()!), x[1].GetString()!, x[2].GetString()!, x[3].GetInt32() == 1)).ToList();
            return new LiveSession(r.GetGuid(0), cohortId, r.IsDBNull(1) ? null : r.GetGuid(1), r.IsDBNull(2) ? null : r.GetGuid(2), r.IsDBNull(3) ? null : r.GetInt32(3),
                r.GetString(4), r.GetString(5), r.GetString(6), r.GetString(7), startsAt, endsAt, member.TimeZone,
                cancelledAt is null && now >= opensAt && now <= endsAt && !r.IsDBNull(10) ? r.GetString(10) : null, opensAt,
                r.IsDBNull(11) ? null : r.GetString(11), r.IsDBNull(12) ? null : r.GetString(12), r.IsDBNull(13) ? null : r.GetString(13), cancelledAt,
                r.IsDBNull(15) ? null : r.GetString(15), r.GetInt32(16), preparations, preparations.All(x => x.Done == true), null, r.IsDBNull(19) ? null : r.GetString(19), r.GetGuid(17));
        },
        ("$id", cohortId), ("$me", me), ("$course", member.Course), ("$group", member.Group), ("$take", size), ("$skip", (p - 1) * size));
    return Results.Ok(new Paged<LiveSession>(items, p, size, total));
});

api.MapGet("/me/agenda", async (DateTimeOffset from, DateTimeOffset to, HttpContext http) =>
{
    await using var db = await Db.OpenAsync(http, connectionString);
    var me = Db.Me(http);
    var cohorts = (await db.ListAsync("SELECT m.CohortId, m.Role <> 'Learner', m.GroupId, c.TimeZone FROM CohortMembers m JOIN Cohorts c ON c.Id = m.CohortId WHERE m.UserId = $me",
        r => (Id: r.GetGuid(0), Staff: r.GetBoolean(1), Group: r.IsDBNull(2) ? (Guid?)null : r.GetGuid(2), TimeZone: r.GetString(3)), ("$me", me))).ToDictionary(c => c.Id);
    // The reader's cohorts as JSON for json_each: [cohort, sees every group, group].
    var scope = JsonSerializer.Serialize(cohorts.Values.Select(c => new object?[] { c.Id.ToString().ToUpperInvariant(), c.Staff, c.Group?.ToString().ToUpperInvariant() }));
    var sessions = await db.ListAsync(
        """
        SELECT s.Id, s.CohortId, s.GroupId, s.Title, s.Kind, s.StartsAt, s.EndsAt, s.Place, s.Room, s.Address, s.CancelledAt IS NOT NULL
        FROM LiveSessions s JOIN json_each($scope) c ON c.value ->> 0 = s.CohortId
        WHERE (s.GroupId IS NULL OR c.value ->> 1 OR s.GroupId = c.value ->> 2) AND s.EndsAt > $from AND s.StartsAt < $to
        """,
        r =>
        {
            var cohortId = r.GetGuid(1);
            var location = string.Join(", ", new[] { 7, 8, 9 }.Where(i => !r.IsDBNull(i) && !string.IsNullOrWhiteSpace(r.GetString(i))).Select(r.GetString));
            return new AgendaEntry(r.GetString(4), r.GetGuid(0), cohortId, r.GetString(3), Db.Time(r, 5), Db.Time(r, 6), r.IsDBNull(2) ? null : r.GetGuid(2),
                location.Length > 0 ? location : null, r.GetBoolean(10), cohorts[cohortId].TimeZone);
        },
        ("$scope", scope), ("$from", from.UtcTicks), ("$to", to.UtcTicks));
    // Where the reader learns, for each session with preparations: whether they completed every one.
    var learning = sessions.Where(s => !cohorts[s.CohortId].Staff).Select(s => s.Id.ToString().ToUpperInvariant()).ToList();
    var prepared = learning.Count == 0 ? [] : (await db.ListAsync(
        """
        SELECT p.SessionId, MIN(EXISTS (SELECT 1 FROM CourseCompletions c WHERE c.CohortId = s.CohortId AND c.UserId = $me AND c.ActivityId = p.ActivityId))
        FROM LiveSessionPreparations p JOIN LiveSessions s ON s.Id = p.SessionId
        WHERE p.SessionId IN (SELECT value FROM json_each($ids)) GROUP BY p.SessionId
        """,
        r => (r.GetGuid(0), r.GetBoolean(1)), ("$ids", JsonSerializer.Serialize(learning)), ("$me", me))).ToDictionary();
    // Where the reader learns: released assignments at their own due date (the cohort-wide pacing shift).
    var dueDates = await db.ListAsync(
        """
        SELECT a.Id, a.CohortId, a.Title, a.DueAt, COALESCE((SELECT SUM(p.Days) FROM CoursePacingShifts p WHERE p.CohortId = a.CohortId AND p.UserId = $me AND p.ActivityId IS NULL), 0)
        FROM Assignments a JOIN json_each($scope) c ON c.value ->> 0 = a.CohortId
        WHERE NOT c.value ->> 1 AND a.IsPublished AND a.ReleaseAt <= $now
        """,
        r =>
        {
            var cohortId = r.GetGuid(1);
            var zone = cohorts[cohortId].TimeZone;
            var dueAt = Dates.Shifted(Db.Time(r, 3), r.GetInt32(4), TimeZoneInfo.FindSystemTimeZoneById(zone));
            return new AgendaEntry("DueDate", r.GetGuid(0), cohortId, r.GetString(2), dueAt, null, null, null, false, zone);
        },
        ("$scope", scope), ("$me", me), ("$now", DateTimeOffset.UtcNow.UtcTicks));
    return Results.Ok(new Agenda(from, to, [.. sessions.Select(s => prepared.TryGetValue(s.Id, out var done) ? s with { PreparationDone = done } : s).Concat(dueDates.Where(d => d.StartsAt >= from && d.StartsAt < to))
        .OrderBy(e => e.StartsAt).ThenBy(e => Array.IndexOf(AgendaEntry.Kinds, e.Kind)).ThenBy(e => e.Id)]));
});

// Certification (issue 14): the eligibility table as a trainer reads it (default page and sort). Four statements: the
// access check with the rules, the gradebook policy and the course's number of activities; the learners with their names,
// completions, attendance counts, pacing shift and certificate standing (correlated subqueries); the gradebook's columns;
// their attempts with grades. The figures are those of the API's contracts: GetFinalGrades (GradebookArithmetic over the
// same rows as the gradebook), GetCompletionRates (the progress matrix's rounding), GetAttendanceRates (docs/adr/0028).
api.MapGet("/cohorts/{cohortId:guid}/certification/eligibility", async (Guid cohortId, int? page, int? pageSize, HttpContext http) =>
{
    await using var db = await Db.OpenAsync(http, connectionString);
    var me = Db.Me(http);
    var (p, size) = (page ?? 1, pageSize ?? 20);
    var cohort = await db.SingleAsync(
        """
        SELECT c.CourseId, c.TimeZone, m.Role, r.MinFinalGrade, r.MinCompletionPercent, r.MinAttendancePercent, r.RequiredAssignmentIds, r.RequiredCompetencyCodes,
               p.Categories, p.PassMark, p.MissingCountsAsZero, (SELECT COUNT(*) FROM CourseActivities a WHERE a.CourseId = c.CourseId)
        FROM Cohorts c JOIN CohortMembers m ON m.CohortId = c.Id AND m.UserId = $me
        LEFT JOIN CertificationRules r ON r.CohortId = c.Id LEFT JOIN GradebookPolicies p ON p.CohortId = c.Id
        WHERE c.Id = $id
        """,
        r => new
        {
            CourseId = r.GetGuid(0), TimeZone = r.GetString(1), Role = r.GetString(2),
            MinGrade = r.IsDBNull(3) ? (decimal?)null : r.GetDecimal(3), MinCompletion = r.IsDBNull(4) ? (int?)null : r.GetInt32(4), MinAttendance = r.IsDBNull(5) ? (int?)null : r.GetInt32(5),
            Required = (r.IsDBNull(6) ? 0 : JsonSerializer.Deserialize<string[]>(r.GetString(6))!.Length) + (r.IsDBNull(7) ? 0 : JsonSerializer.Deserialize<string[]>(r.GetString(7))!.Length),
            Categories = r.IsDBNull(8) ? [] : JsonSerializer.Deserialize<List<GradebookCategory>>(r.GetString(8), json)!, PassMark = r.IsDBNull(9) ? 50m : r.GetDecimal(9),
            MissingCountsAsZero = !r.IsDBNull(10) && r.GetBoolean(10), Activities = r.GetInt32(11),
        },
        ("$id", cohortId), ("$me", me));
    if (cohort is null)
    {
        return Results.NotFound();
    }

    if (cohort.Role is not ("Trainer" or "Mentor"))
    {
        return Results.StatusCode(403);
    }

    if (cohort.Required > 0)
    {
        return Results.StatusCode(501); // required assignments and competencies: not mirrored (the seeder sets none)
    }

    // Trainers see every learner, a mentor their own (the API's ActOnAllLearners / ActOnOwnMentees).
    var learners = await db.ListAsync(
        """
        SELECT m.UserId, u.DisplayName,
               (SELECT COUNT(*) FROM CourseCompletions x WHERE x.CohortId = $id AND x.UserId = m.UserId AND x.ActivityId IN (SELECT a.Id FROM CourseActivities a WHERE a.CourseId = $course)),
               (SELECT COUNT(*) FROM LiveSessionAttendance x JOIN LiveSessions s ON s.Id = x.SessionId WHERE x.UserId = m.UserId AND s.CohortId = $id AND s.CancelledAt IS NULL AND x.Status IN ('Present', 'Late')),
               (SELECT COUNT(*) FROM LiveSessionAttendance x JOIN LiveSessions s ON s.Id = x.SessionId WHERE x.UserId = m.UserId AND s.CohortId = $id AND s.CancelledAt IS NULL AND x.Status = 'Absent'),
               (SELECT COALESCE(SUM(Days), 0) FROM CoursePacingShifts x WHERE x.CohortId = $id AND x.ActivityId IS NULL AND x.UserId = m.UserId),
               (SELECT json_array(x.Id, x.Status, x.IssuedAt) FROM Certificates x WHERE x.CohortId = $id AND x.HolderId = m.UserId ORDER BY x.Status <> 'Valid', x.IssuedAt DESC LIMIT 1)
        FROM CohortMembers m JOIN Users u ON u.Id = m.UserId
        WHERE m.CohortId = $id AND m.Role = 'Learner' AND ($all OR m.MentorId = $me)
        """,
        r =>
        {
            CertificateStanding? standing = null;
            if (!r.IsDBNull(6))
            {
                var c = JsonDocument.Parse(r.GetString(6)).RootElement;
                standing = new CertificateStanding(c[0].GetGuid(), c[1].GetString()!, new DateTimeOffset(c[2].GetInt64(), TimeSpan.Zero));
            }

            return (Id: r.GetGuid(0), Name: r.GetString(1), Done: r.GetInt32(2), Attended: r.GetInt32(3), Absent: r.GetInt32(4), Shift: r.GetInt32(5), Certificate: standing);
        },
        ("$id", cohortId), ("$me", me), ("$course", cohort.CourseId), ("$all", cohort.Role == "Trainer"));
    var now = DateTimeOffset.UtcNow;
    var columns = await db.ListAsync(
        "SELECT Id, Kind, Category, MaxPoints, DueAt FROM Assignments WHERE CohortId = $id AND IsPublished AND ReleaseAt <= $now ORDER BY DueAt, Id",
        r => (Id: r.GetGuid(0), Kind: r.GetString(1), Category: r.GetString(2), MaxPoints: r.GetDecimal(3), DueAt: Db.Time(r, 4)), ("$id", cohortId), ("$now", now.UtcTicks));
    // Per learner and assignment: the released grade of their latest attempt that has one (attempt 0: handed in, none yet).
    var standings = new Dictionary<(Guid, Guid), (int Attempt, decimal Score, int Penalty)>();
    if (learners.Count > 0 && columns.Count > 0)
    {
        foreach (var a in await db.ListAsync(
            """
            SELECT s.AuthorId, s.AssignmentId, s.Attempt, s.PenaltyPercent, g.Status = 'Released', g.Score
            FROM Submissions s LEFT JOIN Grades g ON g.SubmissionId = s.Id
            WHERE s.AssignmentId IN (SELECT value FROM json_each($columns)) AND s.AuthorId IN (SELECT value FROM json_each($ids))
            """,
            r => (Key: (r.GetGuid(0), r.GetGuid(1)), Attempt: r.GetInt32(2), Penalty: r.GetInt32(3), Released: !r.IsDBNull(4) && r.GetBoolean(4), Score: r.IsDBNull(5) ? 0m : r.GetDecimal(5)),
            ("$columns", JsonSerializer.Serialize(columns.Select(c => c.Id.ToString().ToUpperInvariant()))), ("$ids", JsonSerializer.Serialize(learners.Select(l => l.Id.ToString().ToUpperInvariant())))))
        {
            var known = standings.GetValueOrDefault(a.Key);
            standings[a.Key] = a.Released && a.Attempt > known.Attempt ? (a.Attempt, a.Score, a.Penalty) : known;
        }
    }

    var categories = cohort.Categories.Select(c => new GradebookArithmetic.Category(c.Weight, c.DropLowest)).ToArray();
    var arithmetic = columns.Select(c => new GradebookArithmetic.Column(cohort.Categories.FindIndex(x => string.Equals(x.Name, c.Category.Trim(), StringComparison.OrdinalIgnoreCase)), c.MaxPoints)).ToArray();
    var zone = TimeZoneInfo.FindSystemTimeZoneById(cohort.TimeZone);
    var rows = learners.Select(learner =>
    {
        var cells = new GradebookArithmetic.Cell[columns.Count];
        for (var i = 0; i < columns.Count; i++)
        {
            cells[i] = standings.TryGetValue((learner.Id, columns[i].Id), out var handedIn)
                ? handedIn.Attempt > 0 ? new GradebookArithmetic.Cell(handedIn.Score, columns[i].Kind == "Quiz" ? 0 : handedIn.Penalty, false) : default
                : new GradebookArithmetic.Cell(null, 0, now > Dates.Shifted(columns[i].DueAt, learner.Shift, zone));
        }

        var grade = GradebookArithmetic.Compute(categories, cohort.MissingCountsAsZero, arithmetic, cells).Grade;
        var completion = cohort.Activities == 0 ? 0 : (int)Math.Round(100.0 * learner.Done / cohort.Activities);
        decimal? attendance = learner.Attended + learner.Absent == 0 ? null
            : Math.Round(100m * learner.Attended / (learner.Attended + learner.Absent), 2, MidpointRounding.AwayFromZero);
        var criteria = new EligibilityCriteria(
            EligibilityCriterion.AtLeast(grade, cohort.MinGrade), EligibilityCriterion.AtLeast(completion, cohort.MinCompletion), EligibilityCriterion.AtLeast(attendance, cohort.MinAttendance),
            EligibilityCriterion.None, EligibilityCriterion.None);
        var eligible = criteria.FinalGrade.Met && criteria.Completion.Met && criteria.Attendance.Met;
        return new LearnerEligibility(learner.Id, learner.Name, eligible, criteria, [], [], learner.Certificate);
    });
    // The API's default sort: by name (ties in case-insensitive name order, then id).
    var sorted = rows.OrderBy(r => r.DisplayName, StringComparer.CurrentCultureIgnoreCase).ThenBy(r => r.UserId)
        .OrderBy(r => (object?)r.DisplayName, Comparer<object?>.Default).ToList();
    return Results.Ok(new Paged<LearnerEligibility>([.. sorted.Skip((p - 1) * size).Take(size)], p, size, sorted.Count));
});

// Follow-up (issue 15): the dashboard's first page as a trainer reads it. Three statements: the caller's role, the counts
// per level, the page of signals rows with the learners' names. Nothing is computed but the days since (RiskRules.Figure).
api.MapGet("/cohorts/{cohortId:guid}/follow-up", async (Guid cohortId, int? page, int? pageSize, HttpContext http) =>
{
    await using var db = await Db.OpenAsync(http, connectionString);
    var me = Db.Me(http);
    var (p, size) = (page ?? 1, pageSize ?? 20);
    var role = await db.SingleAsync("SELECT m.Role FROM Cohorts c JOIN CohortMembers m ON m.CohortId = c.Id AND m.UserId = $me WHERE c.Id = $id", r => r.GetString(0), ("$id", cohortId), ("$me", me));
    if (role is null)
    {
        return Results.NotFound();
    }

    if (role is not ("Trainer" or "Mentor"))
    {
        return Results.StatusCode(403);
    }

    const string scope = "s.CohortId = $id AND s.Active AND ($all OR s.MentorId = $me)";
    var counts = (await db.ListAsync($"SELECT s.Level, COUNT(*) FROM FollowUpSignals s WHERE {scope} GROUP BY s.Level", r => (Level: r.GetString(0), Count: r.GetInt32(1)),
        ("$id", cohortId), ("$me", me), ("$all", role == "Trainer"))).ToDictionary(c => c.Level, c => c.Count);
    var now = DateTimeOffset.UtcNow;
    static DateTimeOffset? At(SqliteDataReader r, int i) => r.IsDBNull(i) ? null : Db.Time(r, i);
    static decimal? Number(SqliteDataReader r, int i) => r.IsDBNull(i) ? null : r.GetDecimal(i);
    static int DaysSince(DateTimeOffset? last, DateTimeOffset from, DateTimeOffset now)
    {
        var since = last is { } l && l > from ? l : from;
        return now <= since ? 0 : (int)(now - since).TotalDays;
    }

    var rows = await db.ListAsync(
        $"""
        SELECT s.LearnerId, u.DisplayName, s.MentorId, s.Level, s.Reasons, s.LevelChangedAt, s.LastActivityAt, s.FollowedFrom, s.ActivitiesDone, s.ActivitiesExpected,
               s.ActivitiesTotal, s.MissedDeadlines, s.LateSubmissions, s.AverageGrade, s.GradeTrend, s.AttendanceRate, s.Absences, s.ForumPosts, s.LastContactAt
        FROM FollowUpSignals s JOIN Users u ON u.Id = s.LearnerId
        WHERE {scope}
        ORDER BY CASE s.Level WHEN 'AtRisk' THEN 0 WHEN 'Watch' THEN 1 ELSE 2 END, s.ActivitiesExpected - s.ActivitiesDone DESC, s.LearnerId
        LIMIT $size OFFSET $skip
        """,
        r =>
        {
            var (from, lastActivity, lastContact) = (Db.Time(r, 7), At(r, 6), At(r, 18));
            return new FollowUpRow(r.GetGuid(0), r.GetString(1), r.IsDBNull(2) ? null : r.GetGuid(2), r.GetString(3), FollowUpReason.Parse(r.GetString(4)), At(r, 5), new FollowUpSignals(
                lastActivity, DaysSince(lastActivity, from, now), r.GetInt32(8), r.GetInt32(9), r.GetInt32(10), r.GetInt32(9) - r.GetInt32(8), r.GetInt32(11), r.GetInt32(12),
                Number(r, 13), Number(r, 14), Number(r, 15), r.GetInt32(16), r.GetInt32(17), lastContact, DaysSince(lastContact, from, now)));
        },
        ("$id", cohortId), ("$me", me), ("$all", role == "Trainer"), ("$size", size), ("$skip", (p - 1) * size));
    return Results.Ok(new FollowUpDashboard(
        new FollowUpCounts(counts.GetValueOrDefault("OnTrack"), counts.GetValueOrDefault("Watch"), counts.GetValueOrDefault("AtRisk")), rows, p, size, counts.Values.Sum()));
});

// The staff home's "à suivre" (issue 16): the caller's learners at risk or to watch across their cohorts (a trainer's all, a
// mentor's own), and their own open actions due within seven days. Four statements: the count and the page of signals rows
// with cohort titles and names, the count and the list of actions.
api.MapGet("/me/follow-up/attention", async (int? page, int? pageSize, HttpContext http) =>
{
    await using var db = await Db.OpenAsync(http, connectionString);
    var me = Db.Me(http);
    var (p, size) = (page ?? 1, pageSize ?? 20);
    const string reach = "s.Active AND s.Level <> 'OnTrack' AND (m.Role = 'Trainer' OR (m.Role = 'Mentor' AND s.MentorId = $me))";
    const string from = "FROM FollowUpSignals s JOIN CohortMembers m ON m.CohortId = s.CohortId AND m.UserId = $me";
    var total = await db.SingleAsync($"SELECT COUNT(*) {from} WHERE {reach}", r => r.GetInt32(0), ("$me", me));
    static DateTimeOffset? At(SqliteDataReader r, int i) => r.IsDBNull(i) ? null : Db.Time(r, i);
    var rows = await db.ListAsync(
        $"""
        SELECT s.CohortId, c.Title, s.LearnerId, u.DisplayName, s.Level, s.Reasons, s.ActivitiesExpected - s.ActivitiesDone, s.LastActivityAt, s.LevelChangedAt
        {from} JOIN Cohorts c ON c.Id = s.CohortId JOIN Users u ON u.Id = s.LearnerId
        WHERE {reach}
        ORDER BY CASE s.Level WHEN 'AtRisk' THEN 0 ELSE 1 END, s.ActivitiesExpected - s.ActivitiesDone DESC, s.CohortId, s.LearnerId
        LIMIT $size OFFSET $skip
        """,
        r => new AttentionRow(r.GetGuid(0), r.GetString(1), r.GetGuid(2), r.GetString(3), r.GetString(4), FollowUpReason.Parse(r.GetString(5)), r.GetInt32(6), At(r, 7), At(r, 8)),
        ("$me", me), ("$size", size), ("$skip", (p - 1) * size));
    const string due = """
        FROM FollowUpActions a JOIN CohortMembers m ON m.CohortId = a.CohortId AND m.UserId = $me AND m.Role IN ('Trainer', 'Mentor')
        WHERE a.AuthorId = $me AND a.Status = 'Open' AND a.DueOn <= $dueBy
        """;
    var dueBy = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(7).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    var dueCount = await db.SingleAsync($"SELECT COUNT(*) {due}", r => r.GetInt32(0), ("$me", me), ("$dueBy", dueBy));
    List<AttentionAction> actions = dueCount == 0 ? [] : await db.ListAsync(
        $"SELECT a.Id, a.CohortId, c.Title, a.LearnerId, u.DisplayName, a.Kind, a.Title, a.DueOn {due.Replace("WHERE", "JOIN Cohorts c ON c.Id = a.CohortId JOIN Users u ON u.Id = a.LearnerId WHERE", StringComparison.Ordinal)} ORDER BY a.DueOn, a.Id LIMIT 10",
        r => new AttentionAction(r.GetGuid(0), r.GetGuid(1), r.GetString(2), r.GetGuid(3), r.GetString(4), r.GetString(5), r.GetString(6), DateOnly.Parse(r.GetString(7), CultureInfo.InvariantCulture)),
        ("$me", me), ("$dueBy", dueBy));
    return Results.Ok(new Attention(rows, p, size, total, actions, dueCount));
});

// The pipeline floor: any other API path, with a valid token, is a 404 (the token validated, nothing else done).
api.MapGet("/{**rest}", () => Results.NotFound());

// GET /api/v1/verify/{code}: anonymous (outside the authorised group), the product's normalisation of the code, then the
// same single lookup by verification or short code; Cache-Control: no-store as the API answers it.
app.MapGet("/api/v1/verify/{code}", async (string code, HttpContext http) =>
{
    if (code.Length > 64)
    {
        return Results.BadRequest();
    }

    await using var db = await Db.OpenAsync(http, connectionString);
    var normalized = Verification.Normalize(code);
    var found = await db.SingleAsync(
        "SELECT Status, HolderName, CourseTitle, CohortTitle, OrganizationNames, IssuedAt, RevokedAt, Competencies FROM Certificates WHERE VerificationCode = $code OR ShortCode = $code LIMIT 1",
        r => new Verification(r.GetString(0) == "Revoked" ? "Revoked" : "Valid", r.GetString(1), r.GetString(2), r.GetString(3), JsonSerializer.Deserialize<List<string>>(r.GetString(4)),
            DateOnly.FromDateTime(Db.Time(r, 5).UtcDateTime), r.IsDBNull(6) ? null : DateOnly.FromDateTime(Db.Time(r, 6).UtcDateTime),
            r.IsDBNull(7) ? [] : JsonSerializer.Deserialize<List<VerifiedCompetency>>(r.GetString(7), Verification.Stored)),
        ("$code", normalized));
    http.Response.Headers.CacheControl = "no-store";
    return Results.Ok(found ?? new Verification("Unknown", null, null, null, null, null, null, null));
});

app.Run();

internal static class Db
{
    /// <summary>Not async: the request set here flows on to the caller's commands (an async method's would not).</summary>
    public static Task<SqliteConnection> OpenAsync(HttpContext http, string connectionString)
    {
        Http.Value = http;
        http.Response.OnStarting(() =>
        {
            http.Response.Headers["X-Sql-Commands"] = (http.Items["sql"] as int? ?? 0).ToString(CultureInfo.InvariantCulture);
            return Task.CompletedTask;
        });
        return OpenCoreAsync(connectionString);
    }

    private static async Task<SqliteConnection> OpenCoreAsync(string connectionString)
    {
        var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        return connection;
    }

    private static readonly AsyncLocal<HttpContext?> Http = new();

    public static Guid Me(HttpContext http) => Guid.Parse(http.User.FindFirst("sub")!.Value);

    public static DateTimeOffset Time(SqliteDataReader r, int i) => new(r.GetInt64(i), TimeSpan.Zero);

    /// <summary>A json_group_array of Guids (stored as text): <c>[null]</c> when the group was empty.</summary>
    public static List<Guid> Guids(string array) => [.. JsonSerializer.Deserialize<string?[]>(array)!.OfType<string>().Select(Guid.Parse)];

    private static SqliteCommand Command(SqliteConnection db, string sql, (string Name, object Value)[] parameters)
    {
        if (Http.Value is { } http)
        {
            http.Items["sql"] = (http.Items["sql"] as int? ?? 0) + 1;
        }

        var command = db.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            // EF Core stores Guids as upper-case text; the parameter must match byte for byte.
            command.Parameters.AddWithValue(name, value is Guid g ? g.ToString().ToUpperInvariant() : value);
        }

        return command;
    }

    public static async Task<List<T>> ListAsync<T>(this SqliteConnection db, string sql, Func<SqliteDataReader, T> read, params (string, object)[] parameters)
    {
        await using var command = Command(db, sql, parameters);
        await using var reader = await command.ExecuteReaderAsync();
        var list = new List<T>();
        while (await reader.ReadAsync())
        {
            list.Add(read(reader));
        }

        return list;
    }

    public static async Task<T?> SingleAsync<T>(this SqliteConnection db, string sql, Func<SqliteDataReader, T> read, params (string, object)[] parameters)
    {
        await using var command = Command(db, sql, parameters);
        await using var reader = await command.ExecuteReaderAsync();
        return await reader.ReadAsync() ? read(reader) : default;
    }

    /// <summary>Statements inside <paramref name="transaction"/> (Microsoft.Data.Sqlite asks each command of a transaction to name it).</summary>
    public static async Task ExecuteAsync(this SqliteTransaction transaction, string sql, params (string, object)[] parameters)
    {
        await using var command = Command(transaction.Connection!, sql, parameters);
        command.Transaction = transaction;
        await command.ExecuteNonQueryAsync();
    }

    public static Task<CohortRow?> CohortAsync(this SqliteConnection db, Guid cohortId, Guid me) => db.SingleAsync(
        "SELECT c.CourseId, c.StartsOn, c.TimeZone, m.Role FROM Cohorts c JOIN CohortMembers m ON m.CohortId = c.Id AND m.UserId = $me WHERE c.Id = $id",
        r => new CohortRow(r.GetGuid(0), DateOnly.Parse(r.GetString(1), CultureInfo.InvariantCulture), r.GetString(2), r.GetString(3)), ("$id", cohortId), ("$me", me));
}

internal sealed record CohortRow(Guid CourseId, DateOnly StartsOn, string TimeZone, string Role);

/// <summary>The same date rules as the Courses module (CohortCourse.StartOfDay / EndOfDay).</summary>
internal static class Dates
{
    public static DateTimeOffset StartOfDay(DateOnly day, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(TimeOnly.MinValue);
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(30);
        }

        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
    }

    /// <summary>CohortAssessment.PersonalDueAt: the due date moved by whole days of the cohort's calendar.</summary>
    public static DateTimeOffset Shifted(DateTimeOffset dueAt, int days, TimeZoneInfo zone)
    {
        if (days == 0)
        {
            return dueAt;
        }

        var local = TimeZoneInfo.ConvertTime(dueAt, zone).DateTime.AddDays(days);
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(30);
        }

        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
    }

    public static DateTimeOffset EndOfDay(DateOnly day, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(new TimeOnly(23, 59));
        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
    }
}

/// <summary>ForumViewer.CanRead for a learner, and the API's order of reactions (ReactToPost.Emojis).</summary>
internal static class Forums
{
    public static readonly string[] Emojis = ["thumbsup", "heart", "tada", "laugh", "thinking", "eyes"];

    public static bool Reads(Guid? threadGroup, List<Guid> audience, Guid? myGroup) =>
        threadGroup is { } group ? group == myGroup : audience.Count == 0 || audience.Any(a => a == myGroup);
}

/// <summary>The capability table's rows for the roles the benchmark uses (docs/capabilities.md), in the API's order.</summary>
internal static class Capabilities
{
    public static IReadOnlyList<string> Of(string role) => role switch
    {
        "Trainer" => ["ViewInside", "PreviewContent", "ManageSettings", "ManageStaff", "EnrolLearners", "DecideApplications", "ManageInvitations", "ManageGroups", "ManageAssignments", "ActOnAllLearners"],
        "Mentor" => ["ViewInside", "PreviewContent", "ActOnOwnMentees"],
        _ => ["ViewInside", "Learn"],
    };
}

internal sealed class UtcConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.GetDateTimeOffset();

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) => writer.WriteStringValue(value.UtcDateTime);
}

internal sealed record Partnership(Guid OrganizationId, string Status);

internal sealed record CohortResponse(Guid Id, Guid CourseId, Guid OrganizationId, string Title, int Capacity, int SeatsTaken, int SeatsLeft, int WaitlistLength, DateOnly StartsOn, DateOnly EndsOn,
    DateTimeOffset ApplicationsOpenAt, DateTimeOffset ApplicationsCloseAt, string AdmissionMode, IReadOnlyList<Guid> OrganizationIds, string TimeZone, string? MyRole,
    IReadOnlyList<Partnership> Partnerships, IReadOnlyList<string> Capabilities);

internal sealed record Member(Guid UserId, string DisplayName, string? Email, string Role, Guid? MentorId, string? MentorName, Guid? GroupId, string? GroupName, DateTimeOffset JoinedAt,
    [property: JsonPropertyName("etag")] string ETag, DateTimeOffset UpdatedAt, bool Deleted);

internal sealed record Paged<T>(IReadOnlyList<T> Items, int Page, int PageSize, int TotalCount);

internal sealed record ScheduledActivity(Guid ActivityId, Guid SectionId, string SectionTitle, string Kind, string Title, int DurationMinutes, DateTimeOffset ReleaseAt, DateTimeOffset? DueAt,
    int ShiftDays, bool Released, string? ContentHtml, string? Url, bool HasFile, DateTimeOffset? CompletedAt);

internal sealed record Extra(Guid Id, string Title, string? Url, string ContentHtml);

internal sealed record Schedule(Guid CohortId, Guid CourseId, string TimeZone, DateOnly StartsOn, Guid? LearnerId, IReadOnlyList<ScheduledActivity> Activities, IReadOnlyList<Extra> ExtraResources,
    CourseAbout? Course);

internal sealed record CourseAbout(string Title, string SummaryHtml, IReadOnlyList<CourseCompetencyItem> Competencies);

internal sealed record CourseCompetencyItem(string Code, string Title);

internal sealed record ActivityColumn(Guid Id, Guid SectionId, string SectionTitle, string Title, string Kind);

internal sealed record LearnerRow(Guid UserId, string DisplayName, bool Withdrawn, int CompletionPercent, IReadOnlyList<int> Done, IReadOnlyList<long> DoneAt, IReadOnlyList<int> Late);

internal sealed record Progress(Guid CohortId, IReadOnlyList<ActivityColumn> Activities, IReadOnlyList<LearnerRow> Learners);

internal sealed record ActivityResponse(Guid Id, Guid SectionId, string Kind, string Title, string ContentMarkdown, string ContentHtml, string? Url, Guid? FileId, int Position, int OffsetDays,
    int? DueOffsetDays, int DurationMinutes, IReadOnlyList<string> CompetencyCodes, [property: JsonPropertyName("etag")] string ETag);

internal sealed record OutlineSection(Guid Id, string Title, int Position, IReadOnlyList<ActivityResponse> Activities, [property: JsonPropertyName("etag")] string ETag);

internal sealed record Outline(Guid CourseId, string Title, bool IsPublished, IReadOnlyList<OutlineSection> Sections, [property: JsonPropertyName("etag")] string ETag);

internal sealed record Completed(Guid ActivityId, DateTimeOffset CompletedAt);

internal sealed record GradebookCategory(string Name, decimal Weight, int DropLowest);

internal sealed record GradebookPolicy(Guid CohortId, List<GradebookCategory> Categories, decimal PassMark, bool MissingCountsAsZero, bool IsDefault, [property: JsonIgnore] Guid Version)
{
    [JsonPropertyName("etag")]
    public string ETag => $"\"{Version:N}\"";
}

internal sealed record GradebookColumn(Guid Id, string Title, string Kind, string Category, decimal MaxPoints, DateTimeOffset DueAt);

internal sealed record GradebookCell(decimal? Score, string Status, bool Dropped);

internal sealed record GradebookCategoryGrade(string Name, decimal? Grade);

internal sealed record GradebookRow(Guid UserId, string DisplayName, decimal? Grade, bool? Passed, IReadOnlyList<GradebookCategoryGrade> Categories, IReadOnlyList<GradebookCell> Cells, bool Withdrawn = false);

internal sealed record Gradebook(Guid CohortId, GradebookPolicy Policy, IReadOnlyList<GradebookColumn> Assignments, IReadOnlyList<GradebookRow> Items, int Page, int PageSize, int TotalCount);

internal sealed record SubmissionText(string? Text);

internal sealed record Submitted(Guid Id, Guid AssignmentId, Guid CohortId, Guid AuthorId, int Attempt, DateTimeOffset SubmittedAt, DateTimeOffset DueAt, bool IsLate, int DaysLate,
    int PenaltyPercent, string? Text, string? TextHtml, IReadOnlyList<Guid> FileIds, IReadOnlyList<object> Answers, decimal? Score);

internal sealed record ForumThread(Guid Id, Guid CohortId, Guid? GroupId, string Title, Guid AuthorId, string AuthorName, DateTimeOffset CreatedAt, DateTimeOffset LastPostAt,
    bool IsAnnouncement, List<Guid> AudienceGroupIds, bool IsPinned, bool IsLocked, Guid? AnswerPostId, bool AnsweredByStaff, bool CanReply, bool CanModerate, bool CanMarkAnswer, Guid Version);

internal sealed record ForumAttachment(Guid FileId, string FileName, string ContentType, long Size);

internal sealed record ForumReaction(string Emoji, int Count, bool Mine);

internal sealed record ForumPost(Guid Id, Guid ThreadId, int Number, Guid AuthorId, string AuthorName, bool ByStaff, Guid? ReplyToPostId, int? ReplyToNumber, string? Body, string? BodyHtml,
    IReadOnlyList<Guid> MentionedUserIds, IReadOnlyList<ForumAttachment> Attachments, DateTimeOffset CreatedAt, DateTimeOffset? EditedAt, bool IsDeleted, bool IsHidden, string? HiddenReason,
    bool IsAnswer, IReadOnlyList<ForumReaction> Reactions, Guid Version);

internal sealed record ThreadPage(ForumThread Thread, Paged<ForumPost> Posts);

internal sealed record ForumThreadSummary(Guid Id, Guid CohortId, Guid? GroupId, string Title, Guid AuthorId, string AuthorName, DateTimeOffset CreatedAt, DateTimeOffset LastPostAt,
    Guid? LastPostAuthorId, string? LastPostAuthorName, int ReplyCount, int UnreadCount, bool IsAnnouncement, IReadOnlyList<Guid> AudienceGroupIds, bool IsPinned, bool IsLocked,
    bool IsAnswered, bool AnsweredByStaff);

internal sealed record NotificationItem(Guid Id, string Kind, string Title, string? Summary, string Link, DateTimeOffset CreatedAt, DateTimeOffset? ReadAt);
internal sealed record SessionPreparation(Guid ActivityId, string Title, string Kind, bool? Done);
internal sealed record LiveSession(Guid Id, Guid CohortId, Guid? GroupId, Guid? SeriesId, int? Occurrence, string Title, string Description, string DescriptionHtml, string Kind,
    DateTimeOffset StartsAt, DateTimeOffset EndsAt, string TimeZone, string? MeetingUrl, DateTimeOffset JoinOpensAt, string? Place, string? Room, string? Address,
    DateTimeOffset? CancelledAt, string? CancellationReason, int Sequence, IReadOnlyList<SessionPreparation> Preparations, bool? Ready, string? CheckInCode, string? MyAttendance, Guid Version);
internal sealed record AgendaEntry(string Kind, Guid Id, Guid CohortId, string Title, DateTimeOffset StartsAt, DateTimeOffset? EndsAt, Guid? GroupId, string? Location, bool IsCancelled, string TimeZone,
    bool? PreparationDone = null)
{
    /// <summary>The API's AgendaEntryKind, in its order (entries starting together sort by kind).</summary>
    public static readonly string[] Kinds = ["Webinar", "VirtualClass", "InPerson", "DueDate"];
}
internal sealed record Agenda(DateTimeOffset From, DateTimeOffset To, IReadOnlyList<AgendaEntry> Entries);

internal sealed record EligibilityCriterion(bool Required, bool Met, decimal? Value, decimal? Threshold)
{
    /// <summary>CohortEligibility.AtLeast: a learner without a figure yet does not meet a required one.</summary>
    public static EligibilityCriterion AtLeast(decimal? value, decimal? threshold) => new(threshold is not null, threshold is null || value >= threshold, value, threshold);

    /// <summary>CohortEligibility.AllOf with nothing required.</summary>
    public static readonly EligibilityCriterion None = new(false, true, null, null);
}
internal sealed record EligibilityCriteria(
    EligibilityCriterion FinalGrade, EligibilityCriterion Completion, EligibilityCriterion Attendance, EligibilityCriterion Assignments, EligibilityCriterion Competencies);
internal sealed record CertificateStanding(Guid Id, string Status, DateTimeOffset IssuedAt);
internal sealed record LearnerEligibility(Guid UserId, string DisplayName, bool Eligible, EligibilityCriteria Criteria, IReadOnlyList<object> MissingAssignments,
    IReadOnlyList<object> MissingCompetencies, CertificateStanding? Certificate);
internal sealed record VerifiedCompetency(string Code, string Title);
internal sealed record Verification(string Status, string? HolderName, string? CourseTitle, string? CohortTitle, IReadOnlyList<string>? OrganizationNames,
    DateOnly? IssuedOn, DateOnly? RevokedOn, IReadOnlyList<VerifiedCompetency>? Competencies)
{
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static readonly string NoCode = new('U', 26);

    /// <summary>The owned JSON column as EF Core writes it (property names as declared).</summary>
    public static readonly JsonSerializerOptions Stored = new() { PropertyNameCaseInsensitive = true };

    /// <summary>VerifyCertificate.Normalize, as the product reads a typed code.</summary>
    public static string Normalize(string typed)
    {
        var code = new System.Text.StringBuilder(26);
        foreach (var ch in typed)
        {
            if (ch is '-' or ' ')
            {
                continue;
            }

            code.Append(char.ToUpperInvariant(ch) switch { 'I' or 'L' => '1', 'O' => '0', var c => c });
        }

        return code.Length is 26 or 12 && code.ToString().All(Alphabet.Contains) ? code.ToString() : NoCode;
    }
}

internal sealed record FollowUpCounts(int OnTrack, int Watch, int AtRisk);
internal sealed record FollowUpReason(string Rule, string Level, decimal Value, decimal Threshold)
{
    /// <summary>A signals row's reasons column. EF's SQLite provider writes the JSON column's decimals as strings ("3.0"), as it stores decimal columns.</summary>
    public static List<FollowUpReason> Parse(string json)
    {
        static decimal Stored(JsonElement e) => e.ValueKind == JsonValueKind.String ? decimal.Parse(e.GetString()!, CultureInfo.InvariantCulture) : e.GetDecimal();
        return [.. JsonDocument.Parse(json).RootElement.EnumerateArray().Select(e => new FollowUpReason(
            e.GetProperty(nameof(Rule)).GetString()!, e.GetProperty(nameof(Level)).GetString()!, Stored(e.GetProperty(nameof(Value))), Stored(e.GetProperty(nameof(Threshold)))))];
    }
}
internal sealed record FollowUpSignals(
    DateTimeOffset? LastActivityAt, int DaysInactive, int ActivitiesDone, int ActivitiesExpected, int ActivitiesTotal, int BehindBy, int MissedDeadlines, int LateSubmissions,
    decimal? AverageGrade, decimal? GradeTrend, decimal? AttendanceRate, int Absences, int ForumPosts, DateTimeOffset? LastContactAt, int DaysWithoutContact);
internal sealed record FollowUpRow(Guid LearnerId, string DisplayName, Guid? MentorId, string Level, IReadOnlyList<FollowUpReason> Reasons, DateTimeOffset? LevelChangedAt, FollowUpSignals Signals);
internal sealed record FollowUpDashboard(FollowUpCounts Counts, IReadOnlyList<FollowUpRow> Items, int Page, int PageSize, int TotalCount);
internal sealed record AttentionRow(
    Guid CohortId, string CohortTitle, Guid LearnerId, string DisplayName, string Level, IReadOnlyList<FollowUpReason> Reasons, int BehindBy, DateTimeOffset? LastActivityAt, DateTimeOffset? LevelChangedAt);
internal sealed record AttentionAction(Guid Id, Guid CohortId, string CohortTitle, Guid LearnerId, string LearnerName, string Kind, string Title, DateOnly DueOn);
internal sealed record Attention(IReadOnlyList<AttentionRow> Items, int Page, int PageSize, int TotalCount, IReadOnlyList<AttentionAction> Actions, int ActionsDueSoon);
