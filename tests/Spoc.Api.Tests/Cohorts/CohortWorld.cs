using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AwesomeAssertions;
using Spoc.Api.Tests.Infrastructure;
using Spoc.Modules.Platform.Contracts;

namespace Spoc.Api.Tests.Cohorts;

/// <summary>An organisation with a trainer and a course, ready to open cohorts; learners are added on demand.</summary>
public sealed class CohortWorld
{
    private CohortWorld(SpocApiFactory factory, HttpClient admin, Guid organizationId, HttpClient trainer, Guid trainerId, Guid courseId)
    {
        Factory = factory;
        Admin = admin;
        OrganizationId = organizationId;
        Trainer = trainer;
        TrainerId = trainerId;
        CourseId = courseId;
    }

    public SpocApiFactory Factory { get; }
    public HttpClient Admin { get; }
    public Guid OrganizationId { get; }
    public HttpClient Trainer { get; }
    public Guid TrainerId { get; }
    public Guid CourseId { get; }

    public static async Task<CohortWorld> CreateAsync(SpocApiFactory factory)
    {
        var admin = await factory.AdminClientAsync();
        var organizationId = await admin.CreateOrganizationAsync();
        var (trainer, trainerId, _) = (await factory.PeopleAsync(1, "trainer", organizationId, OrganizationRole.Trainer)).Single();
        var course = await trainer.PostAsJsonAsync("/api/v1/courses", new
        {
            organizationId,
            title = "Management de projet",
            summary = "SPOC de gestion de projet",
            language = "fr",
            competencies = new[] { new { code = "C1", title = "Planifier" } },
        });
        course.StatusCode.Should().Be(HttpStatusCode.Created, await course.Content.ReadAsStringAsync());
        return new CohortWorld(factory, admin, organizationId, trainer, trainerId, (await course.ReadJsonAsync())["id"]!.GetValue<Guid>());
    }

    public async Task<(HttpClient Client, Guid Id, string Email)> LearnerAsync(Guid? organizationId = null) =>
        (await LearnersAsync(1, organizationId)).Single();

    /// <summary>Learners of the organisation (or of <paramref name="organizationId"/>), seeded in one transaction.</summary>
    public Task<IReadOnlyList<(HttpClient Client, Guid Id, string Email)>> LearnersAsync(int count, Guid? organizationId = null) =>
        Factory.PeopleAsync(count, "learner", organizationId ?? OrganizationId);

    /// <summary>A mentor of the organisation, added to the cohort's staff by its trainer.</summary>
    public async Task<(HttpClient Client, Guid Id, string Email)> MentorAsync(Guid cohortId)
    {
        var mentor = await Factory.NewUserAsync("mentor");
        await Admin.AddMemberAsync(OrganizationId, mentor.Email, "Mentor");
        var response = await Trainer.PostAsJsonAsync($"/api/v1/cohorts/{cohortId}/members", new { email = mentor.Email, role = "Mentor" });
        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return mentor;
    }

    /// <summary>Another organisation with its own admin, to be named a partner of cohorts.</summary>
    public async Task<(Guid OrganizationId, HttpClient Admin)> PartnerAsync()
    {
        var organizationId = await Admin.CreateOrganizationAsync();
        var (partnerAdmin, _, _) = (await Factory.PeopleAsync(1, "partner-admin", organizationId, OrganizationRole.OrgAdmin)).Single();
        return (organizationId, partnerAdmin);
    }

    public static async Task AcceptPartnershipAsync(HttpClient partnerAdmin, Guid cohortId, Guid organizationId)
    {
        var response = await partnerAdmin.PostAsync($"/api/v1/organizations/{organizationId}/partnerships/{cohortId}/accept", null);
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Starts in two months, whatever today is, so the application window below always closes before the start.</summary>
    public static object CohortBody(Guid courseId, int capacity = 3, string mode = "Application", Guid[]? organizationIds = null, bool windowOpen = true) => new
    {
        courseId,
        title = "Cohorte printemps",
        capacity,
        startsOn = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(60)).ToString("yyyy-MM-dd"),
        endsOn = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(150)).ToString("yyyy-MM-dd"),
        applicationsOpenAt = windowOpen ? DateTimeOffset.UtcNow.AddDays(-1) : DateTimeOffset.UtcNow.AddDays(10),
        applicationsCloseAt = DateTimeOffset.UtcNow.AddDays(30),
        admissionMode = mode,
        organizationIds = organizationIds ?? [],
        timeZone = "Europe/Paris",
    };

    public async Task<Guid> CohortAsync(int capacity = 3, string mode = "Application", Guid[]? organizationIds = null, bool windowOpen = true)
    {
        var response = await Trainer.PostAsJsonAsync("/api/v1/cohorts", CohortBody(CourseId, capacity, mode, organizationIds ?? [OrganizationId], windowOpen));
        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.ReadJsonAsync())["id"]!.GetValue<Guid>();
    }

    public static async Task<Guid> ApplyAsync(HttpClient learner, Guid cohortId)
    {
        var response = await learner.PostAsJsonAsync($"/api/v1/cohorts/{cohortId}/applications", new { motivation = "Je veux progresser en gestion de projet.", answers = new Dictionary<string, string> { ["Expérience"] = "3 ans" } });
        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.ReadJsonAsync())["id"]!.GetValue<Guid>();
    }

    public Task<HttpResponseMessage> DecideAsync(Guid cohortId, Guid applicationId, string decision, string? note = null, HttpClient? by = null) =>
        (by ?? Trainer).PostAsJsonAsync($"/api/v1/cohorts/{cohortId}/applications/{applicationId}/decision", new { decision, note });

    public async Task<JsonObject> CohortJsonAsync(Guid cohortId, HttpClient? as_ = null) => await (await (as_ ?? Trainer).GetAsync($"/api/v1/cohorts/{cohortId}")).ReadJsonAsync();
}
