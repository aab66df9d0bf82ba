using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using AwesomeAssertions;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Spoc.Api.Tests.Infrastructure;
using Spoc.Modules.Assessment.Contracts;
using Spoc.Modules.Assessment.Data;
using Spoc.Modules.Assessment.Domain;

namespace Spoc.Api.Tests.Assessment;

/// <summary>
/// Learner 0 (the mentor's) and learner 1, in a cohort of seven assignments whose grades are worked out by hand below;
/// learner 2 has nothing at all.
/// </summary>
public sealed class GradebookTests
{
    private SpocApiFactory _factory = null!;
    private AssessmentWorld _world = null!;
    private readonly Dictionary<string, Guid> _assignments = [];

    private HttpClient Learner(int i) => _world.Learners[i].Client;

    [OneTimeSetUp]
    public async Task Start()
    {
        _factory = new SpocApiFactory();
        _world = await AssessmentWorld.CreateAsync(_factory, learners: 3);
        var now = DateTimeOffset.UtcNow;
        async Task<Guid> Assignment(string title, string category, decimal maxPoints, double dueInDays, int? penaltyPerDay = null)
        {
            var body = AssessmentWorld.TextAssignment(title);
            (body["category"], body["maxPoints"], body["releaseAt"], body["dueAt"]) = (category, maxPoints, now.AddDays(-10), now.AddDays(dueInDays));
            if (penaltyPerDay is not null)
            {
                (body["latePolicy"], body["latePenaltyPercentPerDay"]) = ("PenaltyPerDay", penaltyPerDay);
            }

            return _assignments[title] = (await _world.CreateAsync(body))["id"]!.GetValue<Guid>();
        }

        await Assignment("Q1", "Quiz", 10m, 7);
        await Assignment("Q2", "quiz", 10m, 7); // categories match whatever their case
        await Assignment("Q3", "Quiz", 20m, -1.5);
        await Assignment("D1", "Devoirs", 20m, -1.5, penaltyPerDay: 10);
        await Assignment("D2", "Devoirs", 20m, 7);
        await Assignment("D3", "Devoirs", 30m, 7);
        await Assignment("Bonus", "Bonus", 10m, 7);
        var draft = AssessmentWorld.TextAssignment("Brouillon", isPublished: false);
        await _world.CreateAsync(draft); // not published: no column

        // Learner 0: Q1 6/10, Q2 8.5/10, Q3 missing; D1 15/20 handed in 1.5 days late (2 started days × 10 % → 12);
        // D2 graded 18 but only as a draft; D3 25/30; Bonus 10/10 (a category the policy does not list).
        await ReleasedAsync(0, "Q1", 6m);
        await ReleasedAsync(0, "Q2", 8.5m);
        await ReleasedAsync(0, "D1", 15m);
        await GradedAsync(await SubmittedAsync(0, "D2"), 18m, "Draft");
        await ReleasedAsync(0, "D3", 25m);
        await ReleasedAsync(0, "Bonus", 10m);
        // Learner 1: returned for revision on Q1 (does not count), nothing else.
        await GradedAsync(await SubmittedAsync(1, "Q1"), 9m, "ReturnedForRevision");
    }

    [OneTimeTearDown]
    public void Stop() => _factory.Dispose();

    private async Task<Guid> SubmittedAsync(int learner, string assignment)
    {
        var response = await Learner(learner).PostAsJsonAsync($"/api/v1/assignments/{_assignments[assignment]}/submissions", new { text = "Mon travail" });
        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.ReadJsonAsync())["id"]!.GetValue<Guid>();
    }

    private async Task GradedAsync(Guid submissionId, decimal score, string status)
    {
        var response = await _world.Trainer.PutAsJsonAsync($"/api/v1/submissions/{submissionId}/grade", new { score, feedback = "Vu", status });
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    private async Task ReleasedAsync(int learner, string assignment, decimal score) => await GradedAsync(await SubmittedAsync(learner, assignment), score, "Released");

    private string Cohort => $"/api/v1/cohorts/{_world.CohortId}";

    private static object Policy(bool missingCountsAsZero) => new
    {
        categories = new[] { new { name = "Quiz", weight = 35m, dropLowest = 1 }, new { name = "Devoirs", weight = 65m, dropLowest = 0 } },
        passMark = 60m, missingCountsAsZero,
    };

    private async Task<string> SetPolicyAsync(object policy, string? ifMatch = null)
    {
        var response = await PutPolicyAsync(_world.Trainer, policy, ifMatch);
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return response.Headers.ETag!.Tag;
    }

    private Task<HttpResponseMessage> PutPolicyAsync(HttpClient by, object policy, string? ifMatch = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, $"{Cohort}/gradebook/policy") { Content = JsonContent.Create(policy) };
        if (ifMatch is not null)
        {
            request.Headers.IfMatch.Add(EntityTagHeaderValue.Parse(ifMatch));
        }

        return by.SendAsync(request);
    }

    private async Task<JsonObject> RowOfAsync(HttpClient by, Guid learnerId)
    {
        var book = await (await by.GetAsync($"{Cohort}/gradebook?pageSize=100")).ReadJsonAsync();
        return book["items"]!.AsArray().Single(r => r!["userId"]!.GetValue<Guid>() == learnerId)!.AsObject();
    }

    private static decimal? Number(JsonNode? node) => node?.GetValue<decimal>();

    [Test]
    public async Task The_weighted_grade_is_the_hand_computed_one_to_the_decimal()
    {
        await SetPolicyAsync(Policy(missingCountsAsZero: true));
        var book = await (await _world.Trainer.GetAsync($"{Cohort}/gradebook")).ReadJsonAsync();
        book["assignments"]!.AsArray().Select(a => a!["title"]!.GetValue<string>()).Should().Equal("Q3", "D1", "Q1", "Q2", "D2", "D3", "Bonus");

        var a = await RowOfAsync(_world.Trainer, _world.Learners[0].Id);
        // Quiz: Q3 missing counts 0 and is the lowest → dropped; (6 + 8.5) / 20 = 72.5 %.
        // Devoirs: D1 15 − 20 % = 12; D2 a draft, not counted; (12 + 25) / (20 + 30) = 74 %.
        // Grade: 0.35 × 72.5 + 0.65 × 74 = 25.375 + 48.1 = 73.475 → 73.48; passed (≥ 60).
        Number(a["grade"]).Should().Be(73.48m);
        a["passed"]!.GetValue<bool>().Should().BeTrue();
        a["categories"]!.AsArray().Select(c => (c!["name"]!.GetValue<string>(), Number(c["grade"]))).Should().Equal(("Quiz", 72.5m), ("Devoirs", 74m));
        var cells = a["cells"]!.AsArray().Select(c => (Number(c!["score"]), c["status"]!.GetValue<string>(), c["dropped"]!.GetValue<bool>())).ToList();
        cells.Should().Equal(
            (0m, "Missing", true), (12m, "Released", false), (6m, "Released", false), (8.5m, "Released", false),
            (null, "Pending", false), (25m, "Released", false), (10m, "Released", false));

        // Learner 1: Q1 returned for revision is pending; Q3 and D1 missing count 0; Quiz 0 %, Devoirs 0 %.
        var b = await RowOfAsync(_world.Trainer, _world.Learners[1].Id);
        Number(b["grade"]).Should().Be(0m);
        b["passed"]!.GetValue<bool>().Should().BeFalse();
        b["cells"]!.AsArray().Select(c => c!["status"]!.GetValue<string>()).Should().Equal("Missing", "Missing", "Pending", "Upcoming", "Upcoming", "Upcoming", "Upcoming");

        // Missing work no longer counts: Quiz drops Q1 (60 %) and keeps Q2: 85 %; 0.35 × 85 + 0.65 × 74 = 29.75 + 48.1 = 77.85.
        // Learner 1 has nothing that counts: no grade.
        await SetPolicyAsync(Policy(missingCountsAsZero: false));
        a = await RowOfAsync(_world.Trainer, _world.Learners[0].Id);
        Number(a["grade"]).Should().Be(77.85m);
        a["cells"]!.AsArray().Select(c => c!["dropped"]!.GetValue<bool>()).Should().Equal(false, false, true, false, false, false, false);
        b = await RowOfAsync(_world.Trainer, _world.Learners[1].Id);
        b["grade"].Should().BeNull();
        b["passed"].Should().BeNull();
    }

    [Test]
    public void The_arithmetic_keeps_one_result_per_category_and_weighs_only_categories_where_something_counts()
    {
        GradebookArithmetic.Category[] categories = [new(30m, 5), new(70m, 0)];
        GradebookArithmetic.Column[] columns = [new(0, 10m), new(0, 10m), new(1, 20m), new(-1, 10m)];
        GradebookArithmetic.Cell[] cells = [new(4m, 0, false), new(7m, 50, false), new(null, 0, false), new(10m, 0, false)];

        var result = GradebookArithmetic.Compute(categories, false, columns, cells);

        // Category 0: 4/10 and 7 − 50 % = 3.5/10; dropping 5 keeps the best one: 40 %. Category 1: nothing; the grade is category 0's.
        result.Points.Should().Equal(4m, 3.5m, null, 10m);
        result.Dropped.Should().Equal(false, true, false, false);
        result.Categories.Should().Equal(40m, null);
        result.Grade.Should().Be(40m);

        // The default policy: by points, over everything that counts: (4 + 3.5 + 10) / 30 = 58.333… → 58.33.
        GradebookArithmetic.Compute([], false, columns, cells).Grade.Should().Be(58.33m);
    }

    [Test]
    public async Task Staff_see_everyone_a_mentor_their_learners_a_learner_their_own_row_outsiders_nothing()
    {
        async Task<List<Guid>> Rows(HttpClient by) =>
            (await (await by.GetAsync($"{Cohort}/gradebook")).ReadJsonAsync())["items"]!.AsArray().Select(r => r!["userId"]!.GetValue<Guid>()).ToList();

        (await Rows(_world.Trainer)).Should().BeEquivalentTo(_world.Learners.Select(l => l.Id));
        (await Rows(_world.Mentor)).Should().Equal(_world.Learners[0].Id);
        (await Rows(Learner(1))).Should().Equal(_world.Learners[1].Id);
        var (outsider, _, _) = await _factory.NewUserAsync("outsider");
        await (await outsider.GetAsync($"{Cohort}/gradebook")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
        await (await outsider.GetAsync($"{Cohort}/gradebook.csv")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
        await (await _world.Mentor.GetAsync($"{Cohort}/gradebook.csv")).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await Learner(0).GetAsync($"{Cohort}/gradebook.csv")).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");

        // Paged over learners: two pages of two and one.
        var first = await (await _world.Trainer.GetAsync($"{Cohort}/gradebook?pageSize=2")).ReadJsonAsync();
        (first["items"]!.AsArray().Count, first["totalCount"]!.GetValue<int>()).Should().Be((2, 3));
        (await (await _world.Trainer.GetAsync($"{Cohort}/gradebook?pageSize=2&page=2")).ReadJsonAsync())["items"]!.AsArray().Should().ContainSingle();
        await (await _world.Trainer.GetAsync($"{Cohort}/gradebook?pageSize=101")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
    }

    [Test]
    public async Task The_policy_has_a_default_is_validated_and_changes_only_with_a_fresh_ETag()
    {
        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AssessmentDbContext>();
            db.GradebookPolicies.RemoveRange(db.GradebookPolicies.Where(p => p.CohortId == _world.CohortId));
            await db.SaveChangesAsync();
        }

        var read = await _world.Trainer.GetAsync($"{Cohort}/gradebook/policy");
        var policy = await read.ReadJsonAsync();
        (policy["isDefault"]!.GetValue<bool>(), policy["categories"]!.AsArray().Count, Number(policy["passMark"]), policy["missingCountsAsZero"]!.GetValue<bool>())
            .Should().Be((true, 0, 50m, false));
        var defaultTag = read.Headers.ETag!.Tag;

        var wrong = await PutPolicyAsync(_world.Trainer, new { categories = new[] { new { name = "Quiz", weight = 40m, dropLowest = 0 }, new { name = "Devoirs", weight = 50m, dropLowest = 0 } } });
        (await wrong.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation-failed"))["errors"]!.AsObject().Should().ContainKey("categories");
        var twice = await PutPolicyAsync(_world.Trainer, new { categories = new[] { new { name = "Quiz", weight = 50m, dropLowest = -1 }, new { name = "quiz", weight = 50m, dropLowest = 0 } }, passMark = 101m });
        (await twice.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation-failed"))["errors"]!.AsObject().Select(e => e.Key)
            .Should().Contain(["categories", "categories[0].dropLowest", "passMark"]);

        var tag = await SetPolicyAsync(Policy(true), defaultTag);
        (await PutPolicyAsync(_world.Trainer, Policy(false), defaultTag)).StatusCode.Should().Be(HttpStatusCode.PreconditionFailed);
        var now = await (await _world.Trainer.GetAsync($"{Cohort}/gradebook/policy")).ReadJsonAsync();
        (now["isDefault"]!.GetValue<bool>(), now["missingCountsAsZero"]!.GetValue<bool>()).Should().Be((false, true));
        tag.Should().StartWith(now["etag"]!.GetValue<string>().TrimEnd('"'), "the header's ETag is the body's version and a digest");

        await (await PutPolicyAsync(_world.Mentor, Policy(false))).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await Learner(0).GetAsync($"{Cohort}/gradebook/policy")).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        var (outsider, _, _) = await _factory.NewUserAsync("outsider");
        await (await outsider.GetAsync($"{Cohort}/gradebook/policy")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
    }

    [Test]
    public async Task The_contracts_answer_final_grades_results_and_who_has_not_submitted()
    {
        await SetPolicyAsync(Policy(missingCountsAsZero: true));
        await using var scope = _factory.Services.CreateAsyncScope();
        var sender = scope.ServiceProvider.GetRequiredService<ISender>();
        var (a, b, c) = (_world.Learners[0].Id, _world.Learners[1].Id, _world.Learners[2].Id);

        var finals = await sender.Send(new GetFinalGrades(_world.CohortId));
        finals.Should().BeEquivalentTo([new FinalGrade(a, 73.48m, true), new FinalGrade(b, 0m, false), new FinalGrade(c, 0m, false)]);
        (await sender.Send(new GetFinalGrades(Guid.NewGuid()))).Should().BeEmpty();

        var results = (await sender.Send(new GetLearnerResults(_world.CohortId, a)))!;
        (results.Grade, results.Passed).Should().Be((73.48m, true));
        results.Assignments.Select(r => (r.Title, r.Score, r.Status)).Should().StartWith([("Q3", 0m, GradebookCellStatus.Missing), ("D1", 12m, GradebookCellStatus.Released)]);
        (await sender.Send(new GetLearnerResults(_world.CohortId, Guid.NewGuid()))).Should().BeNull("not a learner of the cohort");

        (await sender.Send(new GetLearnersWithoutSubmission(_assignments["Q1"]))).Should().Equal(c);
        (await sender.Send(new GetLearnersWithoutSubmission(_assignments["Q3"]))).Should().BeEquivalentTo([a, b, c]);
        (await sender.Send(new GetLearnersWithoutSubmission(Guid.NewGuid()))).Should().BeEmpty();
    }

    [Test]
    public async Task The_csv_export_is_French_Excel_ready_with_every_learner_byte_for_byte()
    {
        await SetPolicyAsync(Policy(missingCountsAsZero: true));
        var response = await _world.Trainer.GetAsync($"{Cohort}/gradebook.csv");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.ToString().Should().Be("text/csv; charset=utf-8");
        var order = (await (await _world.Trainer.GetAsync($"{Cohort}/gradebook?pageSize=1")).ReadJsonAsync())["totalCount"]!.GetValue<int>();
        order.Should().Be(3, "the export is not paged, whatever the page size of the JSON");
        var ids = (await (await _world.Trainer.GetAsync($"{Cohort}/gradebook")).ReadJsonAsync())["items"]!.AsArray().Select(r => r!["userId"]!.GetValue<Guid>());
        var lines = ids.Select(id => id == _world.Learners[0].Id ? "learner;0;12;6;8,5;;25;10;72,5;74;73,48;oui" : "learner;0;0;;;;;;0;0;0;non");
        var expected = "Apprenant;Q3 (/20);D1 (/20);Q1 (/10);Q2 (/10);D2 (/20);D3 (/30);Bonus (/10);Quiz (35 %);Devoirs (65 %);Note (%);Réussi\r\n"
            + string.Concat(lines.Select(l => l + "\r\n"));
        (await response.Content.ReadAsByteArrayAsync()).Should().Equal([0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(expected)]);
    }

    [Test]
    public async Task The_csv_export_of_an_English_cohort_uses_commas_and_points_and_runs_no_formula()
    {
        var world = await AssessmentWorld.CreateAsync(_factory, learners: 1);
        (await world.Trainer.PutAsJsonAsync($"/api/v1/courses/{world.World.CourseId}", new
        {
            title = "Project management", summary = "", language = "en-GB", competencies = new[] { new { code = "C1", title = "Plan" } }, isPublished = false,
        })).StatusCode.Should().Be(HttpStatusCode.OK);
        var formula = AssessmentWorld.TextAssignment("=HYPERLINK(\"http://evil.example\";\"x\")");
        (formula["category"], formula["maxPoints"]) = ("Essays, long", 12.5m);
        var id = (await world.CreateAsync(formula))["id"]!.GetValue<Guid>();
        var submission = await world.Learners[0].Client.PostAsJsonAsync($"/api/v1/assignments/{id}/submissions", new { text = "Mine" });
        var submissionId = (await submission.ReadJsonAsync())["id"]!.GetValue<Guid>();
        (await world.Trainer.PutAsJsonAsync($"/api/v1/submissions/{submissionId}/grade", new { score = 7.25m, status = "Released" })).StatusCode.Should().Be(HttpStatusCode.OK);
        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            var platform = scope.ServiceProvider.GetRequiredService<Spoc.Modules.Platform.Data.PlatformDbContext>();
            var user = await platform.Users.FindAsync(world.Learners[0].Id);
            user!.DisplayName = "@SUM(1+1)*cmd";
            await platform.SaveChangesAsync();
        }

        var csv = await (await world.Trainer.GetAsync($"/api/v1/cohorts/{world.CohortId}/gradebook.csv")).Content.ReadAsByteArrayAsync();

        // No policy: by points, 7.25 / 12.5 = 58 %, passed (default pass mark 50).
        var expected = "Learner,\"'=HYPERLINK(\"\"http://evil.example\"\";\"\"x\"\") (/12.5)\",Grade (%),Passed\r\n'@SUM(1+1)*cmd,7.25,58,yes\r\n";
        csv.Should().Equal([0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(expected)]);
    }

    [Test]
    public async Task Work_is_missing_only_once_the_learners_own_due_date_has_passed()
    {
        var world = await AssessmentWorld.CreateAsync(_factory, learners: 1);
        var body = AssessmentWorld.TextAssignment("Rapport");
        (body["releaseAt"], body["dueAt"]) = (DateTimeOffset.UtcNow.AddDays(-10), DateTimeOffset.UtcNow.AddDays(-1.5));
        await world.CreateAsync(body);
        (await world.Trainer.PutAsJsonAsync($"/api/v1/cohorts/{world.CohortId}/gradebook/policy", new { categories = Array.Empty<object>(), missingCountsAsZero = true }))
            .StatusCode.Should().Be(HttpStatusCode.OK);
        async Task<JsonObject> Row() => (await (await world.Learners[0].Client.GetAsync($"/api/v1/cohorts/{world.CohortId}/gradebook")).ReadJsonAsync())["items"]![0]!.AsObject();

        var row = await Row();
        (row["cells"]![0]!["status"]!.GetValue<string>(), Number(row["cells"]![0]!["score"]), Number(row["grade"])).Should().Be(("Missing", 0m, 0m));

        // Three more days for this learner: not due yet for them, so nothing counts.
        (await world.Trainer.PutAsJsonAsync($"/api/v1/cohorts/{world.CohortId}/members/{world.Learners[0].Id}/pacing", new { shifts = new[] { new { days = 3 } } }))
            .StatusCode.Should().Be(HttpStatusCode.NoContent);
        row = await Row();
        (row["cells"]![0]!["status"]!.GetValue<string>(), Number(row["cells"]![0]!["score"]), Number(row["grade"])).Should().Be(("Upcoming", null, null));
    }

    [TestCase("-2+3", ";", "'-2+3")]
    [TestCase("+33 6", ";", "'+33 6")]
    [TestCase("\tx", ";", "'\tx")]
    [TestCase("Dupont; Marie", ";", "\"Dupont; Marie\"")]
    [TestCase("Dupont; Marie", ",", "Dupont; Marie")]
    [TestCase("Ça \"va\"", ",", "\"Ça \"\"va\"\"\"")]
    public void A_text_cell_is_neutralised_and_quoted(string value, string separator, string cell) =>
        new Spoc.SharedKernel.Text.SpreadsheetCsv(separator == ";" ? "fr" : "en").Text(value).Should().Be(cell);

    // Slow: 200 learners and 100 assignments with a released grade each (20,000 submissions) seeded straight into the database.
    [Test]
    [Category("Slow")]
    public async Task The_gradebook_runs_the_same_number_of_queries_for_10_learners_x_5_assignments_and_for_200_x_100()
    {
        async Task<string> QueriesFor(int learners, int assignments)
        {
            var world = await AssessmentWorld.CreateAsync(_factory, learners);
            (await world.Trainer.PutAsJsonAsync($"/api/v1/cohorts/{world.CohortId}/gradebook/policy", Policy(true))).StatusCode.Should().Be(HttpStatusCode.OK);
            var now = DateTimeOffset.UtcNow;
            var first = Guid.Empty;
            await using (var scope = _factory.Services.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<AssessmentDbContext>();
                for (var a = 0; a < assignments; a++)
                {
                    var assignment = new Assignment
                    {
                        CohortId = world.CohortId, Kind = AssignmentKind.Text, Title = $"Devoir {a}", MaxPoints = 20m, Category = a % 2 == 0 ? "Quiz" : "Devoirs",
                        IsPublished = true, ReleaseAt = now.AddDays(-30), DueAt = now.AddDays(a % 3 - 1), CreatedAt = now,
                    };
                    db.Assignments.Add(assignment);
                    first = first == Guid.Empty ? assignment.Id : first;
                    foreach (var (learner, l) in world.Learners.Select((x, l) => (x, l)).Where(x => (x.l + a) % 7 != 0))
                    {
                        var submission = new Submission { AssignmentId = assignment.Id, CohortId = world.CohortId, AuthorId = learner.Id, Attempt = 1, SubmittedAt = now, DueAt = assignment.DueAt, TextMarkdown = "Rendu" };
                        db.Submissions.Add(submission);
                        db.Grades.Add(new Grade
                        {
                            SubmissionId = submission.Id, AssignmentId = assignment.Id, CohortId = world.CohortId, AuthorId = learner.Id, Score = (l + a) % 21,
                            Status = (l + a) % 5 == 0 ? GradeStatus.Draft : GradeStatus.Released, GradedAt = now,
                        });
                    }
                }

                await db.SaveChangesAsync();
            }

            await _factory.OutboxDispatchedAsync(); // the enrolments' events are handled before counting, not during
            _factory.Queries.Reset();
            var book = await (await world.Trainer.GetAsync($"/api/v1/cohorts/{world.CohortId}/gradebook?pageSize=100")).ReadJsonAsync();
            book["assignments"]!.AsArray().Should().HaveCount(assignments);
            book["items"]!.AsArray().Should().HaveCount(Math.Min(learners, 100));
            var staff = _factory.Queries.Count;
            _factory.Queries.Reset();
            (await (await world.Mentor.GetAsync($"/api/v1/cohorts/{world.CohortId}/gradebook")).ReadJsonAsync())["items"]!.AsArray().Should().ContainSingle();
            var mentor = _factory.Queries.Count;
            _factory.Queries.Reset();
            (await world.Trainer.GetAsync($"/api/v1/cohorts/{world.CohortId}/gradebook.csv")).StatusCode.Should().Be(HttpStatusCode.OK);
            var csv = _factory.Queries.Count;

            // The contracts, sent from a test (every statement is recorded, in a request or not).
            await using var contracts = _factory.Services.CreateAsyncScope();
            var sender = contracts.ServiceProvider.GetRequiredService<ISender>();
            _factory.Queries.Reset();
            (await sender.Send(new GetFinalGrades(world.CohortId))).Should().HaveCount(learners);
            (await sender.Send(new GetLearnerResults(world.CohortId, world.Learners[^1].Id)))!.Assignments.Should().HaveCount(assignments);
            (await sender.Send(new GetLearnersWithoutSubmission(first))).Should().NotBeEmpty();
            return $"staff {staff}, mentor {mentor}, csv {csv}, contracts {_factory.Queries.Statements.Count}";
        }

        var small = await QueriesFor(10, 5);
        var large = await QueriesFor(200, 100);
        large.Should().Be(small);
        TestContext.Out.WriteLine($"Gradebook queries: {small}");
    }
}
