using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Spoc.Modules.Assessment.Contracts;
using Spoc.Modules.Assessment.Data;
using Spoc.Modules.Assessment.Domain;
using Spoc.Modules.Certification.Contracts;
using Spoc.Modules.Certification.Data;
using Spoc.Modules.Certification.Domain;
using Spoc.Modules.Certification.Features.Issuance;
using Spoc.Modules.Cohorts.Contracts;
using Spoc.Modules.Cohorts.Data;
using Spoc.Modules.Cohorts.Domain;
using Spoc.Modules.Community.Contracts;
using Spoc.Modules.Community.Data;
using Spoc.Modules.Community.Domain;
using Spoc.Modules.Courses.Contracts;
using Spoc.Modules.Courses.Data;
using Spoc.Modules.Courses.Domain;
using Spoc.Modules.FollowUp.Data;
using Spoc.Modules.FollowUp.Domain;
using Spoc.Modules.FollowUp.Features.Signals;
using Spoc.Modules.Platform.Auth;
using Spoc.Modules.Platform.Contracts;
using Spoc.Modules.Platform.Data;
using Spoc.SharedKernel.Persistence;
using Spoc.SharedKernel.Security;

namespace Spoc.Bench;

/// <summary>
/// `seed &lt;spoc.db&gt; &lt;out-dir&gt;`: writes the benchmark's data set straight into a database the API has already migrated
/// (bench/run.sh starts it once on the empty file), through the modules' own DbContexts, so every value is stored exactly
/// as the API stores it. Passwords are hashed by the platform's hasher (sign-in works); access tokens for the learners
/// come from the platform's own TokenIssuer with the signing key of the run (Auth__SigningKey), as tests/…/Seed.cs does.
/// Writes &lt;out-dir&gt;/ids.env (shell variables), writers-api.txt / writers-baseline.txt (one "cohort activity token" per line)
/// and submitters-api.txt / submitters-baseline.txt (one "assignment token" per line: the same writers hand in texts).
/// </summary>
internal static class Seeder
{
    public const string Password = "Bench-Pass-2026";
    public const int ActivityCount = 40;
    public const int Writers = 1000;
    public const int AssignmentCount = 100;
    private static readonly int[] CohortSizes = [10, 50, 200];

    public static async Task<int> RunAsync(string database, string outDir)
    {
        var settings = new DatabaseSettings(DatabaseProvider.Sqlite, $"Data Source={database};Default Timeout=30;Pooling=False", Path.GetDirectoryName(database)!);
        var now = DateTimeOffset.UtcNow;
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var hash = Passwords.Hasher.HashPassword(null!, Password);

        await using var platform = new PlatformDbContext(Options<PlatformDbContext>(settings, PlatformDbContext.Schema));
        await using var cohortsDb = new CohortsDbContext(Options<CohortsDbContext>(settings, CohortsDbContext.Schema));
        await using var courses = new CoursesDbContext(Options<CoursesDbContext>(settings, CoursesDbContext.Schema));
        await using var assessment = new AssessmentDbContext(Options<AssessmentDbContext>(settings, AssessmentDbContext.Schema));
        await using var community = new CommunityDbContext(Options<CommunityDbContext>(settings, CommunityDbContext.Schema));
        await using var certification = new CertificationDbContext(Options<CertificationDbContext>(settings, CertificationDbContext.Schema));
        await using var followUp = new FollowUpDbContext(Options<FollowUpDbContext>(settings, FollowUpDbContext.Schema));
        if (await platform.Organizations.AnyAsync(o => o.Slug == "bench-university"))
        {
            Console.Error.WriteLine("seed: this database is already seeded");
            return 1;
        }

        var userNumber = 0;
        User NewUser(string kind)
        {
            userNumber++;
            var email = $"{kind}{userNumber:D5}@bench.spoc.local";
            var user = new User { Email = email, NormalizedEmail = User.Normalize(email), DisplayName = $"{Names[userNumber % Names.Length]} {kind} {userNumber:D5}", PasswordHash = hash, CreatedAt = now.AddDays(-120), PreferredLanguage = "fr" };
            platform.Users.Add(user);
            return user;
        }

        // The platform around the cohorts: other organisations with their own people, so that queries whose cost grows
        // with the whole platform (every membership) show it.
        for (var o = 0; o < 30; o++)
        {
            var other = new Organization { Name = $"Other organisation {o:D2}", Slug = $"other-{o:D2}", CreatedAt = now.AddDays(-200) };
            platform.Organizations.Add(other);
            for (var m = 0; m < 30; m++)
            {
                platform.OrganizationMembers.Add(new OrganizationMember { OrganizationId = other.Id, UserId = NewUser("member").Id, Role = m == 0 ? OrganizationRole.OrgAdmin : OrganizationRole.Learner, JoinedAt = now.AddDays(-150) });
            }
        }

        var org = new Organization { Name = "Bench University", Slug = "bench-university", CreatedAt = now.AddDays(-200) };
        platform.Organizations.Add(org);
        void Join(User user, OrganizationRole role) => platform.OrganizationMembers.Add(new OrganizationMember { OrganizationId = org.Id, UserId = user.Id, Role = role, JoinedAt = now.AddDays(-100) });
        var admin = NewUser("admin");
        Join(admin, OrganizationRole.OrgAdmin);
        var trainer = NewUser("trainer");
        Join(trainer, OrganizationRole.Trainer);

        // A published course of 4 sections × 10 activities, all released (the cohorts started 60 days ago).
        var course = new Course { OrganizationId = org.Id, Title = "Bench course: data engineering", Summary = "Forty activities over four sections.", Language = "fr", CreatedAt = now.AddDays(-90), CreatedBy = trainer.Id, IsPublished = true };
        courses.Courses.Add(course);
        var activities = new List<Activity>();
        for (var s = 0; s < 4; s++)
        {
            var section = new Section { CourseId = course.Id, Title = $"Week {s + 1}: part {s + 1}", Position = s };
            courses.Add(section);
            for (var a = 0; a < ActivityCount / 4; a++)
            {
                var i = activities.Count;
                var text = $"Lesson {i + 1}: read the notes, then **try** the exercise. A paragraph long enough to look like a real lesson body.";
                var activity = new Activity
                {
                    CourseId = course.Id, SectionId = section.Id, Kind = (ActivityKind)(i % 4), Title = $"Activity {i + 1:D2}", Position = a,
                    ContentMarkdown = text, ContentHtml = $"<p>{text.Replace("**try**", "<strong>try</strong>", StringComparison.Ordinal)}</p>",
                    Url = i % 4 == 1 ? $"https://example.org/resources/{i}" : null, OffsetDays = (s * 7) + (a / 3), DueOffsetDays = (s * 7) + 6, DurationMinutes = 15 + (i % 4 * 15),
                };
                courses.Add(activity);
                activities.Add(activity);
            }
        }

        var lines = new StringBuilder();
        void Emit(string name, object value) => lines.Append(CultureInfo.InvariantCulture, $"{name}={value}\n");
        Emit("COURSE", course.Id);
        Emit("TRAINER_EMAIL", trainer.Email);
        Emit("PASSWORD", Password);
        Emit("ACTIVITY_COUNT", ActivityCount);
        // A month view around today, as "Mon agenda" asks it: its sessions and about thirty due dates.
        Emit("AGENDA_FROM", $"{today.AddDays(-7):yyyy-MM-dd}T00:00:00Z");
        Emit("AGENDA_TO", $"{today.AddDays(28):yyyy-MM-dd}T00:00:00Z");

        var tokens = new TokenIssuer(Microsoft.Extensions.Options.Options.Create(new AuthOptions { AccessTokenLifetime = TimeSpan.FromHours(3) }), Keys(), TimeProvider.System);
        Cohort NewCohort(string title, int capacity)
        {
            var startsOn = today.AddDays(-60);
            var cohort = new Cohort
            {
                CourseId = course.Id, OrganizationId = org.Id, Title = title, Capacity = capacity, StartsOn = startsOn, EndsOn = today.AddDays(60),
                ApplicationsOpenAt = now.AddDays(-90), ApplicationsCloseAt = now.AddDays(-61), TimeZone = "Europe/Paris", AdmissionMode = AdmissionMode.OrganizationEnrollment, CreatedAt = now.AddDays(-90),
            };
            cohort.Organizations.Add(new CohortOrganization { CohortId = cohort.Id, OrganizationId = org.Id, Status = PartnershipStatus.Accepted });
            cohort.Members.Add(new CohortMember { CohortId = cohort.Id, UserId = trainer.Id, Role = CohortRole.Trainer, JoinedAt = now.AddDays(-90) });
            cohortsDb.Cohorts.Add(cohort);
            return cohort;
        }

        List<User> Learners(Cohort cohort, int count, User mentor)
        {
            var learners = new List<User>();
            for (var l = 0; l < count; l++)
            {
                var learner = NewUser("learner");
                Join(learner, OrganizationRole.Learner);
                var joined = now.AddDays(-70).AddMinutes(l);
                cohort.Members.Add(new CohortMember { CohortId = cohort.Id, UserId = learner.Id, Role = CohortRole.Learner, MentorId = mentor.Id, JoinedAt = joined });
                courses.CohortLearners.Add(new CohortLearner { CohortId = cohort.Id, UserId = learner.Id, EnrolledAt = joined, LastChangeAt = joined });
                learners.Add(learner);
            }

            cohort.SeatsTaken = count;
            return learners;
        }

        foreach (var size in CohortSizes)
        {
            var cohort = NewCohort($"Cohort of {size}", size + 10);
            var mentor = NewUser("mentor");
            Join(mentor, OrganizationRole.Mentor);
            cohort.Members.Add(new CohortMember { CohortId = cohort.Id, UserId = mentor.Id, Role = CohortRole.Mentor, JoinedAt = now.AddDays(-90) });
            var learners = Learners(cohort, size, mentor);
            // Realistic progress: learner l has done the first (l × 37 mod 41) activities, so every percentage from 0 to 100 appears.
            for (var l = 0; l < learners.Count; l++)
            {
                var done = l * 37 % (ActivityCount + 1);
                for (var a = 0; a < done; a++)
                {
                    courses.Completions.Add(new Completion { CohortId = cohort.Id, UserId = learners[l].Id, ActivityId = activities[a].Id, CompletedAt = now.AddDays(-59 + activities[a].OffsetDays).AddMinutes(l) });
                }
            }

            // The schedule is read by learner 1 (some done, a personal shift of two days on everything and one more on one activity).
            var reader = learners[1];
            courses.PacingShifts.Add(new PacingShift { CohortId = cohort.Id, UserId = reader.Id, Days = 2 });
            courses.PacingShifts.Add(new PacingShift { CohortId = cohort.Id, UserId = reader.Id, ActivityId = activities[5].Id, Days = 1 });
            Gradebook(assessment, cohort.Id, learners.Select(l => l.Id).ToList(), trainer.Id, now);
            Emit($"THREAD{size}", Forum(community, cohort.Id, trainer.Id, mentor.Id, learners.Select(l => l.Id).ToList(), reader.Id, now));
            Notifications(community, learners.Select(l => l.Id).ToList(), reader.Id, now);
            Sessions(community, cohort.Id, trainer.Id, activities, learners.Select(l => l.Id).ToList(), now);
            var code = Certification(certification, cohort, course.Title, org, trainer.Id, learners, now);
            Signals(followUp, cohort.Id, mentor.Id, learners.Select(l => l.Id).ToList(), now);
            if (size == 50)
            {
                Emit("VERIFY_CODE", code);
            }

            Emit($"COHORT{size}", cohort.Id);
            Emit($"LEARNER{size}_TOKEN", tokens.Issue(platform, reader, Guid.NewGuid()).AccessToken);
        }

        // Writers: learners of their own cohort with nothing done, half for the API and half for the baseline, so that every
        // completion request of the write test is a real insert on both sides.
        var writes = NewCohort("Cohort of writers", (2 * Writers) + 10);
        var writesMentor = NewUser("mentor");
        Join(writesMentor, OrganizationRole.Mentor);
        var writers = Learners(writes, 2 * Writers, writesMentor);
        Emit("COHORTW", writes.Id);
        // The submission write: the writers hand in a text, again and again (each time a new attempt, a real insert).
        var journal = new Assignment
        {
            CohortId = writes.Id, Kind = AssignmentKind.Text, Title = "Learning journal", InstructionsMarkdown = "Write what you learnt.", InstructionsHtml = "<p>Write what you learnt.</p>",
            MaxPoints = 20m, Category = "Journal", IsPublished = true, ReleaseAt = now.AddDays(-30), DueAt = now.AddDays(30), AllowResubmission = true, CreatedAt = now.AddDays(-30),
        };
        assessment.Assignments.Add(journal);
        Directory.CreateDirectory(outDir);
        for (var side = 0; side < 2; side++)
        {
            var file = new StringBuilder();
            // Activity-major: consecutive requests come from different learners, as in a class.
            foreach (var activity in activities)
            {
                foreach (var writer in writers.Skip(side * Writers).Take(Writers))
                {
                    file.Append(CultureInfo.InvariantCulture, $"{writes.Id} {activity.Id} {WriterToken(writer)}\n");
                }
            }

            await File.WriteAllTextAsync(Path.Combine(outDir, side == 0 ? "writers-api.txt" : "writers-baseline.txt"), file.ToString());
            await File.WriteAllTextAsync(Path.Combine(outDir, side == 0 ? "submitters-api.txt" : "submitters-baseline.txt"),
                string.Concat(writers.Skip(side * Writers).Take(Writers).Select(w => $"{journal.Id} {WriterToken(w)}\n")));
        }

        Emit("ACTIVITY", activities[3].Id);
        await platform.SaveChangesAsync();
        await courses.SaveChangesAsync();
        await cohortsDb.SaveChangesAsync();
        var grades = assessment.ChangeTracker.Entries<Grade>().Count();
        await assessment.SaveChangesAsync();
        var posts = community.ChangeTracker.Entries<ForumPost>().Count();
        var notifications = community.ChangeTracker.Entries<Notification>().Count();
        await community.SaveChangesAsync();
        var certificates = certification.ChangeTracker.Entries<Certificate>().Count();
        await certification.SaveChangesAsync();
        await followUp.SaveChangesAsync();
        await File.WriteAllTextAsync(Path.Combine(outDir, "ids.env"), lines.ToString());
        Console.WriteLine($"seed: {userNumber} users, 31 organisations, 1 course of {ActivityCount} activities, cohorts of {string.Join(", ", CohortSizes)} learners and {2 * Writers} writers; {courses.ChangeTracker.Entries<Completion>().Count()} completions; {AssignmentCount} assignments per cohort, {grades} grades; {ForumThreads + 2} forum threads per cohort, {posts} posts, {notifications} notifications; {certificates} certificates");
        return 0;

        string WriterToken(User writer) => writerTokens.TryGetValue(writer.Id, out var token) ? token : writerTokens[writer.Id] = tokens.Issue(platform, writer, Guid.NewGuid()).AccessToken;
    }

    private static readonly Dictionary<Guid, string> writerTokens = [];

    /// <summary>
    /// A cohort's gradebook: <see cref="AssignmentCount"/> assignments in three weighted categories (due from 50 days ago to
    /// 40 days ahead, every fourth a quiz), each learner's work on each of them but about one in eleven (missing), graded and
    /// released but about one in thirteen (a draft), some late with a penalty; a policy dropping the lowest and counting
    /// missing work as 0, so that every branch of the arithmetic runs.
    /// </summary>
    private static void Gradebook(AssessmentDbContext db, Guid cohortId, List<Guid> learners, Guid trainerId, DateTimeOffset now)
    {
        string[] categories = ["Quiz", "Devoirs", "Projet"];
        db.GradebookPolicies.Add(new GradebookPolicy
        {
            CohortId = cohortId, Categories = [new("Quiz", 30m, 2), new("Devoirs", 40m, 1), new("Projet", 30m, 0)], PassMark = 50m, MissingCountsAsZero = true, UpdatedAt = now.AddDays(-60),
        });
        for (var a = 0; a < AssignmentCount; a++)
        {
            var assignment = new Assignment
            {
                CohortId = cohortId, Kind = a % 4 == 0 ? AssignmentKind.Quiz : AssignmentKind.Text, Title = $"Assignment {a + 1:D3}", MaxPoints = 20m, Category = categories[a % 3],
                IsPublished = true, ReleaseAt = now.AddDays(-60), DueAt = now.AddDays(-50 + (a * 0.9)), LatePolicy = LatePolicy.PenaltyPerDay, LatePenaltyPercentPerDay = 10, CreatedAt = now.AddDays(-60),
            };
            db.Assignments.Add(assignment);
            for (var l = 0; l < learners.Count; l++)
            {
                var late = (l + a) % 17 == 0 ? 2 : 0;
                if ((l * 7 + a) % 11 == 0 || assignment.DueAt.AddDays(late - 0.5) > now)
                {
                    continue; // missing, or not handed in yet
                }

                var score = ((l * 31) + (a * 17)) % 41 / 2m;
                var submission = new Submission
                {
                    AssignmentId = assignment.Id, CohortId = cohortId, AuthorId = learners[l], Attempt = 1, SubmittedAt = assignment.DueAt.AddDays(late - 0.5), DueAt = assignment.DueAt,
                    DaysLate = late, PenaltyPercent = late * 10, TextMarkdown = assignment.Kind == AssignmentKind.Text ? "My work." : null,
                    TextHtml = assignment.Kind == AssignmentKind.Text ? "<p>My work.</p>" : null, Score = assignment.Kind == AssignmentKind.Quiz ? score : null,
                };
                db.Submissions.Add(submission);
                db.Grades.Add(new Grade
                {
                    SubmissionId = submission.Id, AssignmentId = assignment.Id, CohortId = cohortId, AuthorId = learners[l], Score = score, FeedbackMarkdown = "Well done.",
                    FeedbackHtml = "<p>Well done.</p>", Status = (l + a) % 13 == 0 ? GradeStatus.Draft : GradeStatus.Released, GradedBy = trainerId, GradedAt = submission.SubmittedAt.AddDays(1),
                });
            }
        }
    }

    public const int ForumThreads = 30;
    public const int LongThreadPosts = 120;
    public const int ReaderNotifications = 100;

    /// <summary>
    /// A cohort's forum: <see cref="ForumThreads"/> threads the reader may read (two pinned, one locked, one answered by staff,
    /// one announcement to the whole cohort) and two they may not (another group's space, an announcement to another group);
    /// the first has <see cref="LongThreadPosts"/> posts (replies, mentions, attachments, edits, reactions, a deleted and a
    /// hidden post), the others a few. Read markers: the reader has read part of every third thread. Returns the long thread.
    /// </summary>
    private static Guid Forum(CommunityDbContext db, Guid cohortId, Guid trainerId, Guid mentorId, List<Guid> learners, Guid readerId, DateTimeOffset now)
    {
        Guid[] authors = [trainerId, mentorId, .. learners.Take(8)];
        Guid? longThread = null;
        var otherGroup = Guid.NewGuid();
        for (var t = 0; t < ForumThreads + 2; t++)
        {
            var hiddenFromReader = t >= ForumThreads;
            var announcement = t == 3 || t == ForumThreads + 1;
            var count = t == 0 ? LongThreadPosts : 2 + (t % 7);
            var createdAt = now.AddDays(-40).AddHours(t * 7);
            var thread = new ForumThread
            {
                CohortId = cohortId, GroupId = t == ForumThreads ? otherGroup : null, Title = $"Question {t + 1:D2}: how do I join the tables of week {(t % 4) + 1}?",
                AuthorId = announcement ? trainerId : authors[2 + (t % (authors.Length - 2))], CreatedAt = createdAt, PostCount = count, IsAnnouncement = announcement,
                IsPinned = t is 1 or 2, IsLocked = t == 4, Audience = t == ForumThreads + 1 ? [new ThreadAudience { GroupId = otherGroup }] : [],
            };
            longThread ??= thread.Id;
            db.ForumThreads.Add(thread);
            var posts = new List<ForumPost>();
            for (var n = 1; n <= count; n++)
            {
                var author = n == 1 ? thread.AuthorId : authors[(n + t) % authors.Length];
                var body = $"Post {n}: I tried the **join** on the `cohort` table{(n % 10 == 0 ? " as @reader suggested" : "")}.";
                var post = new ForumPost
                {
                    ThreadId = thread.Id, CohortId = cohortId, Number = n, AuthorId = author, ByStaff = author == trainerId || author == mentorId,
                    ReplyToPostId = n > 2 && n % 4 == 0 ? posts[n - 3].Id : null, Body = body,
                    BodyHtml = $"<p>Post {n}: I tried the <strong>join</strong> on the <code>cohort</code> table{(n % 10 == 0 ? $" as <span class=\"mention\" data-user-id=\"{readerId}\">@reader</span> suggested" : "")}.</p>",
                    MentionedUserIds = n % 10 == 0 ? [readerId] : [], Attachments = n % 15 == 0 ? [new PostAttachment(Guid.NewGuid(), "notes.pdf", "application/pdf", 48_213)] : [],
                    CreatedAt = createdAt.AddMinutes(n * 17), EditedAt = n % 7 == 0 ? createdAt.AddMinutes((n * 17) + 5) : null,
                };
                if (n == 13)
                {
                    post.Delete(createdAt.AddMinutes((n * 17) + 9));
                }

                if (n == 17)
                {
                    (post.HiddenAt, post.HiddenReason, post.HiddenById) = (createdAt.AddMinutes((n * 17) + 9), "Hors sujet.", trainerId);
                }

                posts.Add(post);
                db.ForumPosts.Add(post);
                for (var r = 0; r < (n % 3 == 0 ? 3 : n % 5 == 0 ? 1 : 0); r++)
                {
                    db.PostReactions.Add(new PostReaction { PostId = post.Id, UserId = r == 0 && n % 6 == 0 ? readerId : authors[(r + n) % authors.Length], Emoji = r == 1 ? "heart" : "thumbsup" });
                }
            }

            thread.LastPostAt = posts[^1].CreatedAt;
            if (t == 5)
            {
                (thread.AnswerPostId, thread.AnsweredByStaff) = (posts[1].Id, posts[1].ByStaff);
            }

            if (t % 3 == 1 && !hiddenFromReader)
            {
                db.ThreadReadMarkers.Add(new ThreadReadMarker { ThreadId = thread.Id, UserId = readerId, LastReadNumber = 1 + (t % 2) });
            }
        }

        return longThread!.Value;
    }

    /// <summary>The reader's feed of <see cref="ReaderNotifications"/> in the app (every kind, a third unread) and five by email only; 20 for each other learner.</summary>
    private static void Notifications(CommunityDbContext db, List<Guid> learners, Guid readerId, DateTimeOffset now)
    {
        var kinds = Enum.GetValues<NotificationKind>();
        foreach (var learner in learners)
        {
            var count = learner == readerId ? ReaderNotifications + 5 : 20;
            for (var i = 0; i < count; i++)
            {
                var createdAt = now.AddHours(-1 - (i * 5)).AddMinutes(-learners.IndexOf(learner));
                db.Notifications.Add(new Notification
                {
                    UserId = learner, Kind = kinds[i % kinds.Length], Title = $"Nouvelle réponse n°{i + 1} dans « Question {(i % ForumThreads) + 1:D2} »",
                    Summary = i % 3 == 0 ? null : "« J'ai essayé la jointure sur la table des cohortes… »", Link = $"/threads/{Guid.NewGuid()}", CreatedAt = createdAt,
                    ReadAt = i % 3 == 2 ? null : createdAt.AddMinutes(30), InFeed = i % 21 != 20,
                });
            }
        }
    }

    public const int SessionCount = 24;

    /// <summary>
    /// A weekly class from two months ago on (none in progress at any time of day: they start a whole number of days plus
    /// an hour away from the seeding), each with two preparation activities; the past ones with everyone's attendance.
    /// </summary>
    private static void Sessions(CommunityDbContext db, Guid cohortId, Guid trainerId, List<Activity> activities, List<Guid> learners, DateTimeOffset now)
    {
        var kinds = Enum.GetValues<SessionKind>();
        var statuses = Enum.GetValues<AttendanceStatus>();
        for (var i = 0; i < SessionCount; i++)
        {
            var startsAt = now.AddDays(-60 + (7 * i)).AddHours(1);
            var kind = kinds[i % kinds.Length];
            var session = new LiveSession
            {
                CohortId = cohortId, Title = $"Classe {i + 1:D2} : atelier de la semaine", Kind = kind, StartsAt = startsAt, EndsAt = startsAt.AddHours(2),
                Description = "Préparez **vos questions** sur les activités de la semaine.", DescriptionHtml = "<p>Préparez <strong>vos questions</strong> sur les activités de la semaine.</p>",
                MeetingUrl = kind == SessionKind.InPerson ? null : $"https://visio.example.test/classe-{i + 1}",
                Place = kind == SessionKind.InPerson ? "Campus Nord" : null, Room = kind == SessionKind.InPerson ? "B204" : null,
                Address = kind == SessionKind.InPerson ? "1 rue de l'Université, Paris" : null,
                CancelledAt = i == 10 ? now.AddDays(-5) : null, CancellationReason = i == 10 ? "Formateur malade" : null, Sequence = i == 10 ? 1 : 0,
                CreatedBy = trainerId, CreatedAt = now.AddDays(-70), UpdatedAt = now.AddDays(-70),
            };
            session.Preparations.Add(new SessionPreparation { SessionId = session.Id, ActivityId = activities[(2 * i) % activities.Count].Id, Position = 0 });
            session.Preparations.Add(new SessionPreparation { SessionId = session.Id, ActivityId = activities[((2 * i) + 1) % activities.Count].Id, Position = 1 });
            db.LiveSessions.Add(session);
            if (startsAt < now && session.CancelledAt is null)
            {
                for (var l = 0; l < learners.Count; l++)
                {
                    db.SessionAttendance.Add(new SessionAttendance { SessionId = session.Id, UserId = learners[l], Status = statuses[(i + l) % statuses.Length], RecordedBy = trainerId, RecordedAt = startsAt.AddHours(2) });
                }
            }
        }
    }

    /// <summary>
    /// A cohort's follow-up signals, as the projection keeps them: one row per learner, their mentor's, with figures that
    /// spread them over the three levels of the default rules (evaluated by the product's own code), reasons included.
    /// </summary>
    private static void Signals(FollowUpDbContext db, Guid cohortId, Guid mentorId, List<Guid> learners, DateTimeOffset now)
    {
        var rules = RiskRules.Defaults();
        for (var l = 0; l < learners.Count; l++)
        {
            var signals = new LearnerSignals
            {
                CohortId = cohortId, LearnerId = learners[l], MentorId = mentorId, FollowedFrom = now.AddDays(-60), LastActivityAt = now.AddDays(-(l % 20)),
                ActivitiesDone = l * 37 % (ActivityCount + 1), ActivitiesExpected = 30, ActivitiesTotal = ActivityCount, MissedDeadlines = l % 4, LateSubmissions = l % 5,
                AverageGrade = 40 + (l % 55), GradeTrend = (l % 21) - 10, AttendanceRate = 50 + (l % 51), Absences = l % 3, ForumPosts = l % 7,
                LastContactAt = l % 4 == 0 ? null : now.AddDays(-(l % 30)),
            };
            SignalsEvaluation.Reevaluate(signals, rules, now.AddDays(-1));
            db.Signals.Add(signals);
        }
    }

    /// <summary>
    /// A cohort's certification: rules asking for a final grade of 45, 60 % of the activities and 50 % attendance (no
    /// required assignment or competency: the baseline does not mirror those), a valid certificate for every fifth learner,
    /// a revoked one for every seventh from the fourth (every fourteenth from the fourth certified again after it), the
    /// snapshot filled as issuance fills it and the codes made by the product's own generator. Returns a valid one's code.
    /// </summary>
    private static string Certification(CertificationDbContext db, Cohort cohort, string courseTitle, Organization org, Guid trainerId, List<User> learners, DateTimeOffset now)
    {
        db.Rules.Add(new CertificationRules
        {
            CohortId = cohort.Id, MinFinalGrade = 45m, MinCompletionPercent = 60, MinAttendancePercent = 50, UpdatedBy = trainerId, UpdatedAt = now.AddDays(-20),
        });
        string? code = null;
        Certificate Issue(User learner, int l, DateTimeOffset issuedAt)
        {
            var certificate = new Certificate
            {
                CohortId = cohort.Id, HolderId = learner.Id, IssuerOrganizationId = org.Id, HolderName = learner.DisplayName, CourseTitle = courseTitle, CohortTitle = cohort.Title,
                OrganizationNames = [org.Name], CohortStartsOn = cohort.StartsOn, CohortEndsOn = cohort.EndsOn, FinalGrade = 50m + (l % 50),
                Competencies = l % 2 == 0 ? [new AchievedCompetency("SQL-1", "Écrire une jointure"), new AchievedCompetency("SQL-2", "Agréger des données")] : [],
                VerificationCode = CertificateCodes.VerificationCode(), ShortCode = CertificateCodes.ShortCode(), IssuedBy = trainerId, IssuedAt = issuedAt,
            };
            db.Certificates.Add(certificate);
            db.CertificateEvents.Add(new CertificateEvent { CertificateId = certificate.Id, CohortId = cohort.Id, HolderId = learner.Id, Action = CertificateAction.Issued, ActorId = trainerId, At = issuedAt });
            return certificate;
        }

        for (var l = 0; l < learners.Count; l++)
        {
            if (l % 7 == 3)
            {
                var revoked = Issue(learners[l], l, now.AddDays(-10).AddMinutes(l));
                (revoked.Status, revoked.RevokedBy, revoked.RevokedAt, revoked.RevocationReason) = (CertificateStatus.Revoked, trainerId, now.AddDays(-5).AddMinutes(l), "Émis par erreur.");
                db.CertificateEvents.Add(new CertificateEvent
                {
                    CertificateId = revoked.Id, CohortId = cohort.Id, HolderId = learners[l].Id, Action = CertificateAction.Revoked, ActorId = trainerId, At = revoked.RevokedAt.Value, Reason = revoked.RevocationReason,
                });
            }

            if (l % 5 == 0 || l % 14 == 3)
            {
                var valid = Issue(learners[l], l, now.AddDays(-3).AddMinutes(l));
                code ??= l % 2 == 0 ? valid.VerificationCode : null;
            }
        }

        return code!;
    }

    private static readonly string[] Names = ["Léa", "Maël", "Zoé", "Théo", "Anaïs", "Jérôme", "Inès", "François", "Emily", "James", "Olivia", "Lucas", "Chloé", "Benoît", "Sarah", "Hélène"];

    private static DbContextOptions<T> Options<T>(DatabaseSettings settings, string schema)
        where T : DbContext
    {
        var builder = new DbContextOptionsBuilder<T>();
        settings.Configure(builder, schema);
        return builder.Options;
    }

    /// <summary>The run's signing key (Auth__SigningKey), read by the platform's own provider as the API reads it.</summary>
    private static SigningKeyProvider Keys() =>
        new(new ConfigurationBuilder().AddEnvironmentVariables().Build(), new ProductionEnvironment());

    private sealed class ProductionEnvironment : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = Environments.Production;

        public string ApplicationName { get; set; } = "Spoc.Bench";

        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;

        public Microsoft.Extensions.FileProviders.IFileProvider ContentRootFileProvider { get; set; } = new Microsoft.Extensions.FileProviders.NullFileProvider();
    }
}
