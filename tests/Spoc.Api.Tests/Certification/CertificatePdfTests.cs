using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using AwesomeAssertions;
using Spoc.Api.Tests.Assessment;
using Spoc.Api.Tests.Infrastructure;
using UglyToad.PdfPig;

namespace Spoc.Api.Tests.Certification;

/// <summary>
/// GET /certificates/{id}/pdf, read back with PdfPig (a library the API does not use): the holder's name in any script the
/// shipped fonts draw, the course, the codes and the verification URL are text in a landscape A4 page; holder, staff and
/// the holder's own mentor may download it, nobody else learns it exists.
/// </summary>
public sealed class CertificatePdfTests
{
    private SpocApiFactory _factory = null!;
    private AssessmentWorld _world = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        _factory = new SpocApiFactory();
        _world = await AssessmentWorld.CreateAsync(_factory, learners: 2);
    }

    [OneTimeTearDown]
    public void Stop() => _factory.Dispose();

    private (HttpClient Client, Guid Id, string Email) Learner(int i) => _world.Learners[i];

    private static async Task<(string Text, double Width, double Height, int Pages)> ReadAsync(HttpResponseMessage response)
    {
        var bytes = await response.Content.ReadAsByteArrayAsync();
        response.StatusCode.Should().Be(HttpStatusCode.OK, System.Text.Encoding.UTF8.GetString(bytes));
        using var pdf = PdfDocument.Open(bytes);
        var page = pdf.GetPage(1);
        return (string.Join(" ", page.GetWords().Select(w => w.Text)), page.Width, page.Height, pdf.NumberOfPages);
    }

    [TestCase("Éloïse Nguyễn-Šťastná Ñúñez")]
    [TestCase("Дмитрий Шостакович")]
    [TestCase("Αλέξανδρος Παπαδόπουλος")]
    public async Task The_holder_downloads_a_landscape_A4_page_whose_text_names_them_the_course_and_the_codes(string name)
    {
        var certificate = await _factory.IssueAsync(_world.CohortId, Learner(0).Id, name);

        var response = await Learner(0).Client.GetAsync($"/api/v1/certificates/{certificate.Id}/pdf");
        var (text, width, height, pages) = await ReadAsync(response);

        response.Content.Headers.ContentType!.MediaType.Should().Be("application/pdf");
        response.Content.Headers.ContentDisposition!.DispositionType.Should().Be("attachment");
        response.Content.Headers.ContentDisposition.FileName.Should().Be($"certificat-management-de-projet-{HeldCertificates.Grouped(certificate.ShortCode)}.pdf");
        response.Headers.CacheControl!.Private.Should().BeTrue();
        pages.Should().Be(1);
        width.Should().BeApproximately(842, 1, "A4 landscape is 297 mm wide");
        height.Should().BeApproximately(595, 1, "and 210 mm high");
        text.Should().Contain(name).And.Contain(HeldCertificates.CourseTitle).And.Contain(HeldCertificates.Grouped(certificate.ShortCode));
        text.Should().Contain("CERTIFICAT DE RÉUSSITE", "the course is in French").And.Contain("Cohorte évaluée").And.Contain("du 1er mars 2027 au 30 juin 2027");
        text.Should().Contain("Institut Lumière").And.Contain("Acme Formation").And.Contain("Délivré le 12 juillet 2027");
        text.Should().Contain("C1 Planifier").And.Contain("C2 Communiquer").And.Contain("Note finale : 87,5 %");
        text.Should().Contain($"/verify/{certificate.VerificationCode}").And.NotContain("RÉVOQUÉ");
    }

    [Test]
    public async Task The_cohort_staff_and_the_holder_s_own_mentor_download_it_and_anyone_else_gets_404()
    {
        var mentored = await _factory.IssueAsync(_world.CohortId, Learner(0).Id, "Mentorée");
        var other = await _factory.IssueAsync(_world.CohortId, Learner(1).Id, "Pas mentoré");
        var (outsider, _, _) = await _factory.NewUserAsync("outsider");
        string Pdf(Guid id) => $"/api/v1/certificates/{id}/pdf";

        (await ReadAsync(await _world.Trainer.GetAsync(Pdf(other.Id)))).Text.Should().Contain("Pas mentoré");
        (await ReadAsync(await _world.Mentor.GetAsync(Pdf(mentored.Id)))).Text.Should().Contain("Mentorée");
        (await ReadAsync(await _world.World.Admin.GetAsync(Pdf(other.Id)))).Text.Should().Contain("Pas mentoré", "the platform admin is staff everywhere");

        await (await _world.Mentor.GetAsync(Pdf(other.Id))).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
        await (await Learner(1).Client.GetAsync(Pdf(mentored.Id))).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
        await (await outsider.GetAsync(Pdf(mentored.Id))).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
        await (await Learner(0).Client.GetAsync(Pdf(Guid.NewGuid()))).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
        (await _factory.CreateClient().GetAsync(Pdf(mentored.Id))).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task A_revoked_certificate_says_so_and_its_tag_changes()
    {
        var certificate = await _factory.IssueAsync(_world.CohortId, Learner(1).Id, "Révoquée Martin", finalGrade: null);
        var url = $"/api/v1/certificates/{certificate.Id}/pdf";
        var first = await Learner(1).Client.GetAsync(url);
        var (valid, _, _, _) = await ReadAsync(first);
        valid.Should().NotContain("Note finale", "no final grade was attested");
        var etag = first.Headers.ETag!;

        using var again = new HttpRequestMessage(HttpMethod.Get, url);
        again.Headers.IfNoneMatch.Add(etag);
        (await Learner(1).Client.SendAsync(again)).StatusCode.Should().Be(HttpStatusCode.NotModified);

        await _factory.RevokeAsync(certificate.Id, new DateTimeOffset(2027, 9, 3, 15, 0, 0, TimeSpan.Zero));
        using var afterRevocation = new HttpRequestMessage(HttpMethod.Get, url);
        afterRevocation.Headers.IfNoneMatch.Add(etag);
        var revoked = await Learner(1).Client.SendAsync(afterRevocation);
        (await ReadAsync(revoked)).Text.Should().Contain("RÉVOQUÉ le 3 septembre 2027").And.Contain("Révoquée Martin");
        revoked.Headers.ETag.Should().NotBe(etag);
        (await ReadAsync(await Learner(1).Client.GetAsync(url))).Text.Should().NotContain("Fraude", "the reason is the staff's, not printed for every reader");
    }

    [Test]
    public async Task A_course_in_English_gives_an_English_certificate()
    {
        var factory = new SpocApiFactory();
        try
        {
            var world = await AssessmentWorld.CreateAsync(factory, learners: 1);
            var course = await world.Trainer.PutAsJsonAsync($"/api/v1/courses/{world.World.CourseId}", new { title = "Project management", language = "en-GB", isPublished = true });
            course.StatusCode.Should().Be(HttpStatusCode.OK, await course.Content.ReadAsStringAsync());
            var certificate = await factory.IssueAsync(world.CohortId, world.Learners[0].Id, "Ada Lovelace");
            await factory.RevokeAsync(certificate.Id, new DateTimeOffset(2027, 9, 3, 15, 0, 0, TimeSpan.Zero));

            var response = await world.Learners[0].Client.GetAsync($"/api/v1/certificates/{certificate.Id}/pdf");
            var (text, _, _, _) = await ReadAsync(response);

            text.Should().Contain("CERTIFICATE OF ACHIEVEMENT").And.Contain("Issued on 12 July 2027").And.Contain("1 March 2027 – 30 June 2027");
            text.Should().Contain("Final grade: 87.5%").And.Contain("REVOKED on 3 September 2027");
            response.Content.Headers.ContentDisposition!.FileName.Should().StartWith("certificate-management-de-projet-", "the title is the certificate's snapshot");
        }
        finally
        {
            factory.Dispose();
        }
    }

    [Test]
    public async Task A_stale_or_weak_tag_from_another_certificate_does_not_hide_this_one()
    {
        var certificate = await _factory.IssueAsync(_world.CohortId, Learner(0).Id, "Autre Exemple");
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/certificates/{certificate.Id}/pdf");
        request.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"0123456789abcdef\"", isWeak: true));
        (await ReadAsync(await Learner(0).Client.SendAsync(request))).Text.Should().Contain("Autre Exemple");
    }
}
