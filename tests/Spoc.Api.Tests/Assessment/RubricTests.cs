using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AwesomeAssertions;
using Spoc.Api.Tests.Infrastructure;

namespace Spoc.Api.Tests.Assessment;

/// <summary>Rubrics on assignments, rubric templates, and grading with a rubric. The course has competencies C1 and C2.</summary>
public sealed class RubricTests
{
    private SpocApiFactory _factory = null!;
    private AssessmentWorld _world = null!;

    /// <summary>Planning (C1: 0, 2, 4), Communication (C2: 0, 1, 2, 3), Form (no competency: 0, 3): 10 points of rubric.</summary>
    private static readonly object[] Criteria =
    [
        AssessmentWorld.Criterion("Planification", "c1", 0m, 2m, 4m),
        AssessmentWorld.Criterion("Communication", "C2", 0m, 1m, 2m, 3m),
        AssessmentWorld.Criterion("Forme", null, 0m, 3m),
    ];

    [OneTimeSetUp]
    public async Task Start()
    {
        _factory = new SpocApiFactory();
        _world = await AssessmentWorld.CreateAsync(_factory);
        await _world.WithTwoCompetenciesAsync();
    }

    [OneTimeTearDown]
    public void Stop() => _factory.Dispose();

    private string Templates => $"/api/v1/organizations/{_world.World.OrganizationId}/rubric-templates";

    private async Task<Guid> SubmittedAsync(int learner, Guid assignmentId)
    {
        var response = await _world.Learners[learner].Client.PostAsJsonAsync($"/api/v1/assignments/{assignmentId}/submissions", new { text = "Mon dossier" });
        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.ReadJsonAsync())["id"]!.GetValue<Guid>();
    }

    private static async Task<JsonObject> GradedAsync(HttpClient by, Guid submissionId, object body, string? ifMatch = null)
    {
        var response = await AssessmentWorld.GradeAsync(by, submissionId, body, ifMatch);
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.ReadJsonAsync();
    }

    private static object Choice(JsonObject assignment, int criterion, int level, string? comment = null)
    {
        var (criterionId, levelId) = AssessmentWorld.Pick(assignment, criterion, level);
        return new { criterionId, levelId, comment };
    }

    private static async Task<JsonObject> ErrorsOfAsync(HttpResponseMessage response) =>
        (await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation-failed"))["errors"]!.AsObject();

    private Task<HttpResponseMessage> PutAssignmentAsync(HttpClient by, JsonObject assignment, object body)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/assignments/{assignment["id"]}") { Content = JsonContent.Create(body) };
        return by.SendAsync(request);
    }

    [Test]
    public async Task An_assignment_carries_a_checked_rubric_with_ids_its_total_and_the_courses_competency_codes()
    {
        var created = await _world.CreateAsync(AssessmentWorld.RubricAssignment(20m, Criteria));
        var rubric = created["rubric"]!;
        rubric["totalPoints"]!.GetValue<decimal>().Should().Be(10m);
        rubric["criteria"]!.AsArray().Select(c => c!["competencyCode"]?.GetValue<string>()).Should().Equal("C1", "C2", null);
        rubric["criteria"]![1]!["maxPoints"]!.GetValue<decimal>().Should().Be(3m);
        rubric["criteria"]!.AsArray().SelectMany(c => c!["levels"]!.AsArray().Select(l => l!["id"]!.GetValue<Guid>()).Append(c!["id"]!.GetValue<Guid>()))
            .Should().OnlyHaveUniqueItems().And.HaveCount(12);

        var learnerSees = await (await _world.Learners[0].Client.GetAsync($"/api/v1/assignments/{created["id"]}")).ReadJsonAsync();
        learnerSees["rubric"]!["criteria"]!.AsArray().Should().HaveCount(3, "learners read the rubric they will be graded with");

        var unknown = await _world.Trainer.PostAsJsonAsync($"/api/v1/cohorts/{_world.CohortId}/assignments",
            AssessmentWorld.RubricAssignment(20m, AssessmentWorld.Criterion("Budget", "C9", 0m, 1m)));
        (await ErrorsOfAsync(unknown)).Should().ContainKey("rubric.criteria[0].competencyCode");

        var decreasing = await _world.Trainer.PostAsJsonAsync($"/api/v1/cohorts/{_world.CohortId}/assignments",
            AssessmentWorld.RubricAssignment(20m, AssessmentWorld.Criterion("Budget", null, 3m, 1m)));
        (await ErrorsOfAsync(decreasing)).Select(e => e.Key).Should().Contain(k => k.Contains("levels", StringComparison.OrdinalIgnoreCase));
        var oneLevel = await _world.Trainer.PostAsJsonAsync($"/api/v1/cohorts/{_world.CohortId}/assignments",
            AssessmentWorld.RubricAssignment(20m, AssessmentWorld.Criterion("Budget", null, 1m)));
        await ErrorsOfAsync(oneLevel);

        var quiz = AssessmentWorld.Quiz();
        quiz["rubric"] = new { criteria = Criteria };
        await ErrorsOfAsync(await _world.Trainer.PostAsJsonAsync($"/api/v1/cohorts/{_world.CohortId}/assignments", quiz));
    }

    [Test]
    public async Task Grading_with_the_rubric_sums_the_levels_scales_them_and_shows_each_criterion_to_the_learner_once_released()
    {
        var assignment = await _world.CreateAsync(AssessmentWorld.RubricAssignment(20m, Criteria));
        var id = await SubmittedAsync(1, assignment["id"]!.GetValue<Guid>());

        // 2 + 3 + 3 = 8 of the rubric's 10, on a 20-point assignment: 16.
        var draft = await GradedAsync(_world.Trainer, id, new
        {
            status = "Draft", feedback = "Bon dossier",
            rubricScores = new[] { Choice(assignment, 0, 1, "Revoir le **jalonnement**"), Choice(assignment, 1, 3), Choice(assignment, 2, 1, "Soigné") },
        });
        draft["score"]!.GetValue<decimal>().Should().Be(16m);
        var learner = _world.Learners[1].Client;
        (await (await learner.GetAsync($"/api/v1/submissions/{id}")).ReadJsonAsync())["grade"].Should().BeNull("a draft, its rubric levels included, is the staff's");

        var released = await GradedAsync(_world.Trainer, id, new
        {
            status = "Released", feedback = "Bon dossier",
            rubricScores = new[] { Choice(assignment, 0, 1, "Revoir le **jalonnement**"), Choice(assignment, 1, 3), Choice(assignment, 2, 1, "Soigné") },
        }, draft["etag"]!.GetValue<string>());
        released["score"]!.GetValue<decimal>().Should().Be(16m);

        var seen = (await (await learner.GetAsync($"/api/v1/submissions/{id}")).ReadJsonAsync())["grade"]!;
        var scores = seen["rubricScores"]!.AsArray();
        scores.Select(s => (s!["criterion"]!.GetValue<string>(), s["level"]!.GetValue<string>(), s["points"]!.GetValue<decimal>(), s["maxPoints"]!.GetValue<decimal>()))
            .Should().Equal(("Planification", "L1", 2m, 4m), ("Communication", "L3", 3m, 3m), ("Forme", "L1", 3m, 3m));
        scores[0]!["comment"]!.GetValue<string>().Should().Be("Revoir le **jalonnement**");
        scores[0]!["commentHtml"]!.GetValue<string>().Should().Be("<p>Revoir le <strong>jalonnement</strong></p>\n");
        scores[1]!["comment"].Should().BeNull();
        scores[1]!["commentHtml"].Should().BeNull();

        var history = JsonNode.Parse(await (await _world.Trainer.GetAsync($"/api/v1/submissions/{id}/grade/history")).Content.ReadAsStringAsync())!.AsArray();
        history.Should().HaveCount(2);
        history[0]!["after"]!["rubricScores"]!.AsArray().Should().HaveCount(3);
        history[1]!["before"]!["rubricScores"]![0]!["level"]!.GetValue<string>().Should().Be("L1");
        history[1]!["after"]!["status"]!.GetValue<string>().Should().Be("Released");
    }

    [Test]
    public async Task A_criterion_comment_is_served_as_sanitized_html_so_no_script_or_javascript_link_reaches_the_learner()
    {
        var assignment = await _world.CreateAsync(AssessmentWorld.RubricAssignment(20m, Criteria));
        var id = await SubmittedAsync(1, assignment["id"]!.GetValue<Guid>());
        const string Attack = "**Voir** <script>alert(1)</script> <img src=x onerror=alert(2)> [ici](javascript:alert(3)) [doc](https://example.org/doc)";

        await GradedAsync(_world.Trainer, id, new
        {
            status = "Released", feedback = "",
            rubricScores = new[] { Choice(assignment, 0, 1, Attack), Choice(assignment, 1, 3), Choice(assignment, 2, 1) },
        });

        var score = (await (await _world.Learners[1].Client.GetAsync($"/api/v1/submissions/{id}")).ReadJsonAsync())["grade"]!["rubricScores"]![0]!;
        score["comment"]!.GetValue<string>().Should().Be(Attack, "the Markdown is kept as written, for the grader to edit");
        var html = score["commentHtml"]!.GetValue<string>();
        html.Should().Contain("<strong>Voir</strong>").And.Contain("href=\"https://example.org/doc\"").And.Contain("rel=\"noopener noreferrer nofollow\"");
        html.Should().NotContain("<script").And.NotContain("<img").And.NotContain("javascript:");
    }

    [Test]
    public async Task The_rubric_score_is_scaled_rounded_to_2_decimals_and_left_before_the_late_penalty_which_the_gradebook_takes()
    {
        // 2 of a 3-point rubric on a 10-point assignment: 6.666… → 6.67.
        var thirds = await _world.CreateAsync(AssessmentWorld.RubricAssignment(10m, AssessmentWorld.Criterion("Synthèse", null, 0m, 1m, 2m, 3m)));
        var onTime = await SubmittedAsync(0, thirds["id"]!.GetValue<Guid>());
        (await GradedAsync(_world.Trainer, onTime, new { status = "Draft", rubricScores = new[] { Choice(thirds, 0, 2) } }))["score"]!.GetValue<decimal>().Should().Be(6.67m);

        // Handed in 2 started days late at 10 % a day: 8 of 10 rubric points on 20 → 16, kept as graded; the gradebook counts 16 less 20 % → 12.8.
        var late = AssessmentWorld.RubricAssignment(20m, Criteria);
        (late["releaseAt"], late["dueAt"], late["latePolicy"], late["latePenaltyPercentPerDay"]) =
            (DateTimeOffset.UtcNow.AddDays(-5), DateTimeOffset.UtcNow.AddDays(-1).AddHours(-1), "PenaltyPerDay", 10);
        var assignment = await _world.CreateAsync(late);
        var id = await SubmittedAsync(0, assignment["id"]!.GetValue<Guid>());
        var graded = await GradedAsync(_world.Trainer, id, new { status = "Released", rubricScores = new[] { Choice(assignment, 0, 1), Choice(assignment, 1, 3), Choice(assignment, 2, 1) } });
        graded["score"]!.GetValue<decimal>().Should().Be(16m);
        var book = await (await _world.Learners[0].Client.GetAsync($"/api/v1/cohorts/{_world.CohortId}/gradebook")).ReadJsonAsync();
        var column = book["assignments"]!.AsArray().Select(c => c!["id"]!.GetValue<Guid>()).ToList().IndexOf(assignment["id"]!.GetValue<Guid>());
        book["items"]![0]!["cells"]![column]!["score"]!.GetValue<decimal>().Should().Be(12.8m);
    }

    [Test]
    public async Task Unknown_ids_partial_releases_and_unexplained_overrides_are_400_naming_the_field()
    {
        var assignment = await _world.CreateAsync(AssessmentWorld.RubricAssignment(10m, Criteria));
        var other = await _world.CreateAsync(AssessmentWorld.RubricAssignment(10m, Criteria));
        var id = await SubmittedAsync(0, assignment["id"]!.GetValue<Guid>());

        var foreignCriterion = new { status = "Draft", rubricScores = new[] { Choice(assignment, 0, 1), Choice(other, 1, 1) } };
        (await ErrorsOfAsync(await AssessmentWorld.GradeAsync(_world.Trainer, id, foreignCriterion))).Should().ContainKey("rubricScores[1].criterionId");
        var (criterionId, _) = AssessmentWorld.Pick(assignment, 0, 0);
        var (_, foreignLevel) = AssessmentWorld.Pick(assignment, 1, 1);
        var wrongLevel = new { status = "Draft", rubricScores = new[] { new { criterionId, levelId = foreignLevel, comment = (string?)null } } };
        (await ErrorsOfAsync(await AssessmentWorld.GradeAsync(_world.Trainer, id, wrongLevel))).Should().ContainKey("rubricScores[0].levelId");
        var twice = new { status = "Draft", rubricScores = new[] { Choice(assignment, 0, 1), Choice(assignment, 0, 2) } };
        (await ErrorsOfAsync(await AssessmentWorld.GradeAsync(_world.Trainer, id, twice))).Should().ContainKey("rubricScores");

        var partial = new[] { Choice(assignment, 0, 2), Choice(assignment, 1, 2) };
        (await ErrorsOfAsync(await AssessmentWorld.GradeAsync(_world.Trainer, id, new { status = "Released", rubricScores = partial }))).Should().ContainKey("rubricScores");
        (await ErrorsOfAsync(await AssessmentWorld.GradeAsync(_world.Trainer, id, new { status = "Draft", score = 9m, rubricScores = partial }))).Should().ContainKey("overrideReason");

        // A draft may be partial: 4 + 2 = 6 of 10.
        var draft = await GradedAsync(_world.Trainer, id, new { status = "Draft", rubricScores = partial });
        draft["score"]!.GetValue<decimal>().Should().Be(6m);
        var overridden = await GradedAsync(_world.Trainer, id, new
        {
            status = "Released", score = 9.5m, overrideReason = "Travail complémentaire rendu en séance",
            rubricScores = new[] { Choice(assignment, 0, 2), Choice(assignment, 1, 2), Choice(assignment, 2, 0) },
        }, draft["etag"]!.GetValue<string>());
        overridden["score"]!.GetValue<decimal>().Should().Be(9.5m);
        overridden["rubricScores"]!.AsArray().Should().HaveCount(3);

        var plain = (await _world.CreateAsync(AssessmentWorld.TextAssignment("Sans grille")))["id"]!.GetValue<Guid>();
        var noRubric = await SubmittedAsync(0, plain);
        (await ErrorsOfAsync(await AssessmentWorld.GradeAsync(_world.Trainer, noRubric, new { status = "Draft", score = 5m, rubricScores = partial }))).Should().ContainKey("rubricScores");
    }

    [Test]
    public async Task The_rubric_may_change_until_a_grade_exists_then_it_is_409_unless_sent_back_unchanged()
    {
        var body = AssessmentWorld.RubricAssignment(20m, Criteria);
        var assignment = await _world.CreateAsync(body);

        // Sent back as read, ids and all, or as first written: the same rubric, the same ids.
        var echoed = new Dictionary<string, object?>(body) { ["rubric"] = assignment["rubric"] };
        var same = await PutAssignmentAsync(_world.Trainer, assignment, echoed);
        same.StatusCode.Should().Be(HttpStatusCode.OK, await same.Content.ReadAsStringAsync());
        (await same.ReadJsonAsync())["rubric"]!["criteria"]![0]!["id"]!.GetValue<Guid>().Should().Be(AssessmentWorld.Pick(assignment, 0, 0).CriterionId);

        var changed = new Dictionary<string, object?>(body) { ["rubric"] = new { criteria = Criteria.Take(2).ToArray() } };
        var before = await PutAssignmentAsync(_world.Trainer, assignment, changed);
        before.StatusCode.Should().Be(HttpStatusCode.OK, "nobody has been graded with it yet");
        var current = await before.ReadJsonAsync();

        var id = await SubmittedAsync(0, assignment["id"]!.GetValue<Guid>());
        await GradedAsync(_world.Trainer, id, new { status = "Draft", rubricScores = new[] { Choice(current, 0, 1) } });

        await (await PutAssignmentAsync(_world.Trainer, assignment, body)).ShouldBeProblemAsync(HttpStatusCode.Conflict, "rubric-in-use");
        var withoutRubric = new Dictionary<string, object?>(body) { ["rubric"] = null };
        await (await PutAssignmentAsync(_world.Trainer, assignment, withoutRubric)).ShouldBeProblemAsync(HttpStatusCode.Conflict, "rubric-in-use");
        var retitled = new Dictionary<string, object?>(changed) { ["title"] = "Dossier final" };
        (await PutAssignmentAsync(_world.Trainer, assignment, retitled)).StatusCode.Should().Be(HttpStatusCode.OK, "the rest of the assignment may still change");
    }

    [Test]
    public async Task Templates_belong_to_the_organisation_and_an_assignment_keeps_its_copy_when_the_template_changes()
    {
        var created = await _world.Trainer.PostAsJsonAsync(Templates, new { title = "Grille dossier", rubric = new { criteria = Criteria } });
        created.StatusCode.Should().Be(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var template = await created.ReadJsonAsync();
        var templateId = template["id"]!.GetValue<Guid>();
        template["rubric"]!["totalPoints"]!.GetValue<decimal>().Should().Be(10m);

        var list = await (await _world.Trainer.GetAsync($"{Templates}?pageSize=1")).ReadJsonAsync();
        list["items"]!.AsArray().Should().HaveCount(1);
        list["totalCount"]!.GetValue<int>().Should().BeGreaterThanOrEqualTo(1);

        var fromTemplate = AssessmentWorld.TextAssignment("Dossier depuis la grille");
        fromTemplate["rubricTemplateId"] = templateId;
        var assignment = await _world.CreateAsync(fromTemplate);
        assignment["rubric"]!["criteria"]!.AsArray().Select(c => c!["title"]!.GetValue<string>()).Should().Equal("Planification", "Communication", "Forme");
        assignment["rubric"]!["criteria"]![0]!["competencyCode"]!.GetValue<string>().Should().Be("C1", "the course's spelling of the code");

        var edit = new HttpRequestMessage(HttpMethod.Put, $"{Templates}/{templateId}")
        {
            Content = JsonContent.Create(new { title = "Grille dossier v2", rubric = new { criteria = new[] { AssessmentWorld.Criterion("Budget", null, 0m, 5m) } } }),
        };
        edit.Headers.TryAddWithoutValidation("If-Match", created.Headers.ETag!.Tag);
        var edited = await _world.Trainer.SendAsync(edit);
        edited.StatusCode.Should().Be(HttpStatusCode.OK, await edited.Content.ReadAsStringAsync());
        (await edited.ReadJsonAsync())["rubric"]!["criteria"]!.AsArray().Should().HaveCount(1);

        var kept = await (await _world.Trainer.GetAsync($"/api/v1/assignments/{assignment["id"]}")).ReadJsonAsync();
        kept["rubric"]!["criteria"]!.AsArray().Should().HaveCount(3, "the assignment holds a copy, not a reference");

        // A template of another organisation does not exist for this cohort.
        var elsewhere = await CohortsElsewhereTemplateAsync();
        var foreign = AssessmentWorld.TextAssignment("Dossier");
        foreign["rubricTemplateId"] = elsewhere;
        (await ErrorsOfAsync(await _world.Trainer.PostAsJsonAsync($"/api/v1/cohorts/{_world.CohortId}/assignments", foreign))).Should().ContainKey("rubricTemplateId");
        await (await _world.Trainer.GetAsync($"{Templates}/{elsewhere}")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");

        (await _world.Trainer.DeleteAsync($"{Templates}/{templateId}")).StatusCode.Should().Be(HttpStatusCode.NoContent);
        await (await _world.Trainer.GetAsync($"{Templates}/{templateId}")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
        (await (await _world.Trainer.GetAsync($"/api/v1/assignments/{assignment["id"]}")).ReadJsonAsync())["rubric"]!["criteria"]!.AsArray().Should().HaveCount(3);
    }

    /// <summary>Another organisation, with a template of its own; returns the template's id.</summary>
    private async Task<Guid> CohortsElsewhereTemplateAsync()
    {
        var other = await Cohorts.CohortWorld.CreateAsync(_factory);
        var created = await other.Trainer.PostAsJsonAsync($"/api/v1/organizations/{other.OrganizationId}/rubric-templates", new { title = "Ailleurs", rubric = new { criteria = Criteria } });
        created.StatusCode.Should().Be(HttpStatusCode.Created);
        return (await created.ReadJsonAsync())["id"]!.GetValue<Guid>();
    }

    [Test]
    public async Task Only_the_organisations_admins_and_trainers_reach_its_templates()
    {
        var body = new { title = "Grille", rubric = new { criteria = Criteria } };
        var admin = await _world.World.Admin.PostAsJsonAsync(Templates, body);
        admin.StatusCode.Should().Be(HttpStatusCode.Created, "the platform admin counts as an admin of every organisation");
        var templateId = (await admin.ReadJsonAsync())["id"]!.GetValue<Guid>();

        foreach (var (client, status, slug) in new[]
                 {
                     (_world.Mentor, HttpStatusCode.Forbidden, "forbidden"),
                     (_world.Learners[0].Client, HttpStatusCode.Forbidden, "forbidden"),
                     ((await _factory.NewUserAsync("outsider")).Client, HttpStatusCode.NotFound, "not-found"),
                 })
        {
            await (await client.GetAsync(Templates)).ShouldBeProblemAsync(status, slug);
            await (await client.PostAsJsonAsync(Templates, body)).ShouldBeProblemAsync(status, slug);
            await (await client.GetAsync($"{Templates}/{templateId}")).ShouldBeProblemAsync(status, slug);
            await (await client.PutAsJsonAsync($"{Templates}/{templateId}", body)).ShouldBeProblemAsync(status, slug);
            await (await client.DeleteAsync($"{Templates}/{templateId}")).ShouldBeProblemAsync(status, slug);
        }

        (await _world.Trainer.GetAsync($"{Templates}/{templateId}")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Test]
    public async Task A_learner_never_writes_a_rubric_level_by_any_route_or_field()
    {
        var assignment = await _world.CreateAsync(AssessmentWorld.RubricAssignment(10m, Criteria));
        var assignmentId = assignment["id"]!.GetValue<Guid>();
        var learner = _world.Learners[0].Client;
        var levels = new[] { Choice(assignment, 0, 2, "moi"), Choice(assignment, 1, 3), Choice(assignment, 2, 1) };

        // Extra fields in a submission are not read: no grade, no level.
        var forged = await learner.PostAsJsonAsync($"/api/v1/assignments/{assignmentId}/submissions", new
        {
            text = "Mon dossier", rubricScores = levels, score = 10m, status = "Released", grade = new { score = 10m, status = "Released", rubricScores = levels },
        });
        forged.StatusCode.Should().Be(HttpStatusCode.Created, await forged.Content.ReadAsStringAsync());
        var id = (await forged.ReadJsonAsync())["id"]!.GetValue<Guid>();
        (await forged.ReadJsonAsync()).Should().NotContainKey("grade");

        await (await AssessmentWorld.GradeAsync(learner, id, new { status = "Released", rubricScores = levels })).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await AssessmentWorld.GradeAsync(_world.Learners[1].Client, id, new { status = "Released", rubricScores = levels })).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
        var rubricSwap = new Dictionary<string, object?>(AssessmentWorld.RubricAssignment(10m, AssessmentWorld.Criterion("Tout", null, 10m, 20m)));
        await (await PutAssignmentAsync(learner, assignment, rubricSwap)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await learner.PostAsJsonAsync(Templates, new { title = "Ma grille", rubric = new { criteria = Criteria } })).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");

        (await (await _world.Trainer.GetAsync($"/api/v1/submissions/{id}")).ReadJsonAsync())["grade"].Should().BeNull("nothing the learner sent was taken as a grade");
        (await (await _world.Trainer.GetAsync($"/api/v1/submissions/{id}/grade/history")).Content.ReadAsStringAsync()).Should().Be("[]");
    }
}
