using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using AwesomeAssertions;
using Spoc.Api.Tests.Infrastructure;
using Spoc.SharedKernel.Email;

namespace Spoc.Api.Tests.Platform;

/// <summary>Email verification, password reset and change, profile, common passwords: each through HTTP and the mail it sends.</summary>
public sealed class AccountLifecycleTests
{
    private const string Password = "Passw0rd-Test";
    private SpocApiFactory _factory = null!;
    private HttpClient _http = null!;

    [OneTimeSetUp]
    public void Start()
    {
        _factory = new SpocApiFactory();
        _http = _factory.CreateClient();
    }

    [OneTimeTearDown]
    public void Stop()
    {
        _http.Dispose();
        _factory.Dispose();
    }

    [Test]
    public async Task A_new_account_signs_in_only_once_the_mailed_link_is_opened_and_the_link_works_once()
    {
        var email = TestApi.UniqueEmail();
        var mail = RecordingEmailSender.NextRegistrationMailTo(email);
        (await Register(email, Password)).StatusCode.Should().Be(HttpStatusCode.Created);
        var token = RecordingEmailSender.VerificationToken(await mail);
        token.Should().NotBeNull();
        (await mail).Subject.Should().Be("Confirmez votre adresse e-mail");

        await (await Token(email, Password)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "email-not-verified");
        // The right password is needed to learn that: a wrong one is the usual 401.
        await (await Token(email, "Wrong-Pass-1")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "invalid-credentials");

        (await _http.PostAsJsonAsync("/api/v1/auth/verify-email", new { token })).StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await Token(email, Password)).StatusCode.Should().Be(HttpStatusCode.OK);
        await (await _http.PostAsJsonAsync("/api/v1/auth/verify-email", new { token })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "invalid-token");
    }

    [Test]
    public async Task Registering_an_address_that_has_an_account_answers_the_same_and_mails_its_owner_instead()
    {
        var existing = TestApi.UniqueEmail("owner");
        (await _http.RegisterAsync(existing)).StatusCode.Should().Be(HttpStatusCode.Created);
        var fresh = TestApi.UniqueEmail("owner");

        var mail = RecordingEmailSender.NextRegistrationMailTo(existing);
        var again = await Register(existing, "Other-Pass-42");
        var first = await Register(fresh, "Other-Pass-42");

        again.StatusCode.Should().Be(first.StatusCode);
        again.Headers.Location.Should().Be(first.Headers.Location);
        (await again.Content.ReadAsStringAsync()).Should().Be((await first.Content.ReadAsStringAsync()).Replace(fresh, existing, StringComparison.Ordinal));
        var owner = await mail;
        owner.Subject.Should().Be("Vous avez déjà un compte Spoc");
        owner.Body.Should().Contain("Mot de passe oublié ?").And.Contain("/sign-in").And.NotContain("verify-email");

        // Nothing changed: the owner's password is still theirs.
        (await Token(existing, Password)).StatusCode.Should().Be(HttpStatusCode.OK);
        await (await Token(existing, "Other-Pass-42")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "invalid-credentials");
    }

    [Test]
    public async Task Registering_again_before_verifying_mails_a_fresh_link()
    {
        var email = TestApi.UniqueEmail();
        var firstMail = RecordingEmailSender.NextRegistrationMailTo(email);
        await Register(email, Password);
        await firstMail;

        var secondMail = RecordingEmailSender.NextRegistrationMailTo(email);
        (await Register(email, Password)).StatusCode.Should().Be(HttpStatusCode.Created);
        var token = RecordingEmailSender.VerificationToken(await secondMail);

        (await _http.PostAsJsonAsync("/api/v1/auth/verify-email", new { token })).StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await Token(email, Password)).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [TestCase("Password1")]
    [TestCase("abc12345")]
    public async Task A_common_password_is_refused_on_the_password_field(string common)
    {
        var problem = await (await Register(TestApi.UniqueEmail(), common)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "common-password");

        problem["errors"]!.AsObject().Select(e => e.Key).Should().Equal("password");
        problem["errors"]!["password"]![0]!.GetValue<string>().Should().Contain("most common");
    }

    [Test]
    public async Task Password_reset_answers_alike_for_any_address_mails_a_single_use_link_and_ends_every_session()
    {
        var (_, _, email) = await _factory.NewUserAsync();
        var session = await _http.SignInAsync(email);

        var unknown = await _http.PostAsJsonAsync("/api/v1/auth/password-reset", new { email = TestApi.UniqueEmail() });
        var mail = NextMailTo(email, "Réinitialisez");
        var known = await _http.PostAsJsonAsync("/api/v1/auth/password-reset", new { email = email.ToUpperInvariant() });
        unknown.StatusCode.Should().Be(HttpStatusCode.Accepted);
        known.StatusCode.Should().Be(HttpStatusCode.Accepted);
        (await known.Content.ReadAsStringAsync()).Should().Be(await unknown.Content.ReadAsStringAsync());

        var token = Regex.Match((await mail).Body, "/reset-password\\?token=([A-Za-z0-9_-]+)").Groups[1].Value;
        token.Should().NotBeEmpty();
        var weak = await Confirm(token, "Password1");
        (await weak.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "common-password"))["errors"]!.AsObject().Select(e => e.Key).Should().Equal("newPassword");

        (await Confirm(token, "Brand-New-Pass-7")).StatusCode.Should().Be(HttpStatusCode.NoContent);

        await (await Refresh(session.RefreshToken)).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "invalid-refresh-token");
        await (await Token(email, Password)).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "invalid-credentials");
        (await Token(email, "Brand-New-Pass-7")).StatusCode.Should().Be(HttpStatusCode.OK);
        await (await Confirm(token, "Another-Pass-8")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "invalid-token");
    }

    [Test]
    public async Task An_expired_reset_link_is_refused()
    {
        using var factory = new SpocApiFactory(new Dictionary<string, string?> { ["Auth:PasswordResetLifetime"] = "00:00:00" });
        var http = factory.CreateClient();
        var (_, _, email) = await factory.NewUserAsync();
        var mail = NextMailTo(email, "Réinitialisez");
        await http.PostAsJsonAsync("/api/v1/auth/password-reset", new { email });
        var token = Regex.Match((await mail).Body, "token=([A-Za-z0-9_-]+)").Groups[1].Value;

        await (await http.PostAsJsonAsync("/api/v1/auth/password-reset/confirm", new { token, newPassword = "Brand-New-Pass-7" }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "invalid-token");
    }

    [Test]
    public async Task Resetting_the_password_also_proves_an_unverified_address()
    {
        var email = TestApi.UniqueEmail();
        var registration = RecordingEmailSender.NextRegistrationMailTo(email);
        await Register(email, Password);
        await registration;
        var mail = NextMailTo(email, "Réinitialisez");
        await _http.PostAsJsonAsync("/api/v1/auth/password-reset", new { email });
        var token = Regex.Match((await mail).Body, "token=([A-Za-z0-9_-]+)").Groups[1].Value;

        (await Confirm(token, "Brand-New-Pass-7")).StatusCode.Should().Be(HttpStatusCode.NoContent);

        (await Token(email, "Brand-New-Pass-7")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Test]
    public async Task Changing_the_password_needs_the_current_one_and_ends_the_other_sessions_only()
    {
        var (_, _, email) = await _factory.NewUserAsync();
        var here = await _http.SignInAsync(email);
        var elsewhere = await _http.SignInAsync(email);

        var wrong = await ChangePassword(here, "Not-My-Pass-1", "Brand-New-Pass-7");
        (await wrong.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "wrong-password"))["errors"]!.AsObject().Select(e => e.Key).Should().Equal("currentPassword");
        var common = await ChangePassword(here, Password, "Password1");
        (await common.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "common-password"))["errors"]!.AsObject().Select(e => e.Key).Should().Equal("newPassword");

        (await ChangePassword(here, Password, "Brand-New-Pass-7")).StatusCode.Should().Be(HttpStatusCode.NoContent);

        await (await Refresh(elsewhere.RefreshToken)).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "invalid-refresh-token");
        (await Refresh(here.RefreshToken)).StatusCode.Should().Be(HttpStatusCode.OK);
        await (await Token(email, Password)).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "invalid-credentials");
        (await Token(email, "Brand-New-Pass-7")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Test]
    public async Task The_profile_changes_name_and_language_guarded_by_its_etag_and_mails_follow_the_language()
    {
        var (me, _, email) = await _factory.NewUserAsync();
        var read = await me.GetAsync("/api/v1/me");
        (await read.ReadJsonAsync())["language"]!.GetValue<string>().Should().Be("fr");
        var etag = read.Headers.ETag!.Tag;

        await (await Put(me, new { displayName = "Jane", language = "de" }, etag)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        var updated = await Put(me, new { displayName = "  Jane Doe ", language = "en" }, etag);
        updated.StatusCode.Should().Be(HttpStatusCode.NoContent);
        updated.Headers.ETag!.Tag.Should().NotBe(etag);
        await (await Put(me, new { displayName = "Stale", language = "fr" }, etag)).ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed, "precondition-failed");

        var profile = await (await me.GetAsync("/api/v1/me")).ReadJsonAsync();
        profile["displayName"]!.GetValue<string>().Should().Be("Jane Doe");
        profile["language"]!.GetValue<string>().Should().Be("en");

        var mail = NextMailTo(email, "Reset your password");
        await _http.PostAsJsonAsync("/api/v1/auth/password-reset", new { email });
        (await mail).Body.Should().StartWith("Hello Jane Doe,").And.Contain("http://");
    }

    [Test]
    public async Task A_language_chosen_at_registration_is_the_language_of_the_verification_mail()
    {
        var email = TestApi.UniqueEmail();
        var mail = RecordingEmailSender.NextRegistrationMailTo(email);
        await _http.PostAsJsonAsync("/api/v1/auth/register", new { email, password = Password, displayName = "Emily", language = "en" });

        var verification = await mail;
        verification.Subject.Should().Be("Confirm your email address");
        verification.Body.Should().StartWith("Hello Emily,");
    }

    private Task<HttpResponseMessage> Register(string email, string password) =>
        _http.PostAsJsonAsync("/api/v1/auth/register", new { email, password, displayName = "Test User" });

    private Task<HttpResponseMessage> Token(string email, string password) =>
        _http.PostAsJsonAsync("/api/v1/auth/token", new { email, password });

    private Task<HttpResponseMessage> Refresh(string refreshToken) =>
        _http.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken });

    private Task<HttpResponseMessage> Confirm(string token, string newPassword) =>
        _http.PostAsJsonAsync("/api/v1/auth/password-reset/confirm", new { token, newPassword });

    private Task<HttpResponseMessage> ChangePassword(Tokens session, string currentPassword, string newPassword)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/me/password") { Content = JsonContent.Create(new { currentPassword, newPassword }) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", session.AccessToken);
        return _http.SendAsync(request);
    }

    private static Task<HttpResponseMessage> Put(HttpClient me, object body, string etag)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, "/api/v1/me") { Content = JsonContent.Create(body) };
        request.Headers.IfMatch.Add(new EntityTagHeaderValue(etag));
        return me.SendAsync(request);
    }

    private static Task<EmailMessage> NextMailTo(string email, string subject) => RecordingEmailSender.Next(email, m => m.Subject.StartsWith(subject, StringComparison.Ordinal));
}
