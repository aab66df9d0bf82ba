using System.Net.Http.Headers;
using AwesomeAssertions;
using NUnit.Framework;
using Spoc.Api.Tests.Infrastructure;
using Platform = Spoc.Modules.Platform.Contracts;

namespace Spoc.ThirdPartyClient.Tests;

/// <summary>
/// What an integrator does with nothing but docs/openapi.json: a C# client generated from it by NSwag at build time
/// (spoc.nswag), compiled, and driven through a whole journey against the real host. Every call below goes through the
/// generated <see cref="SpocClient"/>; the factory only hosts the API and seeds two people (there is no public route
/// that makes someone a trainer of an organisation without a mailed invitation).
/// </summary>
[TestFixture]
public sealed class JourneyTests
{
    private const string ProblemTypes = "https://spoc.dev/problems/";

    private SpocApiFactory _factory = null!;

    [OneTimeSetUp]
    public void StartHost() => _factory = new SpocApiFactory();

    [OneTimeTearDown]
    public void StopHost() => _factory.Dispose();

    [Test]
    public async Task Sign_in_create_a_course_and_a_cohort_apply_admit_read_the_schedule_and_a_stale_If_Match_is_412()
    {
        var admin = await SignInAsync(SpocApiFactory.AdminEmail, SpocApiFactory.AdminPassword);
        var organization = (await admin.CreateOrganizationAsync(new OrganizationCreate { Name = "Acme Formation", Slug = $"acme-{Guid.NewGuid():N}" })).Result;
        var trainerEmail = (await _factory.PeopleAsync(1, "trainer", organization.Id, Platform.OrganizationRole.Trainer)).Single().Email;
        var learnerEmail = (await _factory.PeopleAsync(1, "learner", organization.Id)).Single().Email;
        var trainer = await SignInAsync(trainerEmail, Seed.Password);
        var learner = await SignInAsync(learnerEmail, Seed.Password);

        var competencies = new[] { new CompetencyDefinition { Code = "C1", Title = "Planifier" } };
        var course = await trainer.CreateCourseAsync(new CourseCreate
        {
            OrganizationId = organization.Id,
            Title = "Management de projet",
            Language = "fr",
            Competencies = competencies,
        });
        course.StatusCode.Should().Be(201);
        var section = (await trainer.AddSectionAsync(course.Result.Id, new SectionCreate { Title = "Semaine 1" })).Result;
        var lesson = (await trainer.AddActivityAsync(course.Result.Id, new ActivityDefinition
        {
            SectionId = section.Id,
            Kind = ActivityKind.Lesson,
            Title = "Lancer un projet",
            Content = "Le **cadrage** d'abord.",
            OffsetDays = 0,
            DurationMinutes = 30,
        })).Result;
        var draft = await trainer.GetCourseAsync(course.Result.Id);
        var published = await trainer.UpdateCourseAsync(course.Result.Id, new CourseUpdate { Title = draft.Result.Title, Language = "fr", Competencies = competencies, IsPublished = true }, Header(draft, "ETag"));
        published.Result.IsPublished.Should().BeTrue("learners see the activities of a published course only");

        // The window is open now and closes before the start, as the date rules require.
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var created = await trainer.CreateCohortAsync(new CohortCreate
        {
            CourseId = course.Result.Id,
            Title = "Cohorte printemps",
            Capacity = 3,
            StartsOn = today.AddDays(60),
            EndsOn = today.AddDays(150),
            ApplicationsOpenAt = DateTimeOffset.UtcNow.AddDays(-1),
            ApplicationsCloseAt = DateTimeOffset.UtcNow.AddDays(30),
            AdmissionMode = AdmissionMode.Application,
            OrganizationIds = [organization.Id],
            TimeZone = "Europe/Paris",
        });
        var cohort = created.Result;
        Header(created, "Location").Should().Be($"/api/v1/cohorts/{cohort.Id}");

        var application = (await learner.ApplyToCohortAsync(cohort.Id, new ApplicationCreate { Motivation = "Je veux progresser en gestion de projet." })).Result;
        application.Status.Should().Be(ApplicationStatus.Submitted);
        var decision = (await trainer.DecideApplicationAsync(cohort.Id, application.Id, new ApplicationDecision { Decision = AdmissionDecision.Admit })).Result;
        decision.Status.Should().Be(ApplicationStatus.Admitted);

        var schedule = (await learner.GetCohortScheduleAsync(cohort.Id)).Result;
        schedule.CohortId.Should().Be(cohort.Id);
        schedule.Activities.Should().ContainSingle(a => a.ActivityId == lesson.Id && a.SectionTitle == "Semaine 1");

        var read = await trainer.GetCohortAsync(cohort.Id);
        var etag = Header(read, "ETag");
        var renamed = await trainer.UpdateCohortAsync(cohort.Id, Update(read.Result, "Cohorte printemps (renommée)"), etag);
        renamed.Result.Title.Should().Be("Cohorte printemps (renommée)");
        Header(renamed, "ETag").Should().NotBe(etag, "the update made a new version");

        var stale = async () => await trainer.UpdateCohortAsync(cohort.Id, Update(read.Result, "Copie périmée"), etag);
        var problem = (await stale.Should().ThrowAsync<ApiException<ProblemDetails>>()).Which;
        problem.StatusCode.Should().Be(412);
        problem.Result.Type.Should().Be(ProblemTypes + "precondition-failed");
        (await trainer.GetCohortAsync(cohort.Id)).Result.Title.Should().Be("Cohorte printemps (renommée)", "the stale copy changed nothing");
    }

    private async Task<SpocClient> SignInAsync(string email, string password)
    {
        var http = _factory.CreateClient();
        var token = (await new SpocClient(http).IssueTokenAsync(new Credentials { Email = email, Password = password })).Result;
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(token.TokenType, token.AccessToken);
        return new SpocClient(http);
    }

    private static CohortUpdate Update(Cohort cohort, string title) => new()
    {
        Title = title,
        Capacity = cohort.Capacity,
        StartsOn = cohort.StartsOn,
        EndsOn = cohort.EndsOn,
        ApplicationsOpenAt = cohort.ApplicationsOpenAt,
        ApplicationsCloseAt = cohort.ApplicationsCloseAt,
        TimeZone = cohort.TimeZone,
    };

    /// <summary>
    /// A response header as the generated client exposes it. NSwag gives C# clients no typed response headers, and the
    /// document does not declare <c>ETag</c> or <c>Location</c> yet: the raw headers of <see cref="SwaggerResponse"/> are the only way in.
    /// </summary>
    private static string Header(SwaggerResponse response, string name) =>
        response.Headers.Single(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value.Single();
}
