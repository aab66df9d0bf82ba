using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Spoc.Modules.Platform.Auth;
using Spoc.Modules.Platform.Contracts;
using Spoc.Modules.Platform.Data;
using Spoc.SharedKernel.Email;
using Spoc.SharedKernel.Messaging;
using Spoc.SharedKernel.Outbox;

namespace Spoc.Modules.Platform.EventHandlers;

internal enum AccountEmail
{
    /// <summary>A new account: the link that verifies the address.</summary>
    VerifyEmail,

    /// <summary>A new account already verified by the invitation link it was created with.</summary>
    Welcome,

    /// <summary>Someone registered with an address that has an account: the owner hears it, the registrant learns nothing.</summary>
    AlreadyRegistered,

    /// <summary>The single-use link that sets a new password.</summary>
    ResetPassword,
}

/// <summary>An account mail to send, told through Platform's own outbox so that a relay outage only delays it.</summary>
internal sealed record AccountEmailRequested(Guid UserId, AccountEmail Kind) : IntegrationEvent;

/// <summary>A new account hears how to activate it (or, invited, that it is ready).</summary>
internal sealed class SendRegistrationEmail(PlatformDbContext db, TimeProvider clock, AccountMailer mailer)
    : IntegrationEventHandler<UserRegistered, PlatformDbContext>(db, clock)
{
    protected override async Task HandleOnceAsync(UserRegistered registered, CancellationToken ct)
    {
        var pending = await Db.Users.AnyAsync(u => u.Id == registered.UserId && u.EmailVerificationPending, ct);
        await mailer.SendAsync(Db, registered.UserId, pending ? AccountEmail.VerifyEmail : AccountEmail.Welcome, ct);
    }
}

internal sealed class SendAccountEmail(PlatformDbContext db, TimeProvider clock, AccountMailer mailer)
    : IntegrationEventHandler<AccountEmailRequested, PlatformDbContext>(db, clock)
{
    protected override Task HandleOnceAsync(AccountEmailRequested requested, CancellationToken ct) =>
        mailer.SendAsync(Db, requested.UserId, requested.Kind, ct);
}

/// <summary>Makes the mail's token when one is needed, and the mail itself in the account's language.</summary>
internal sealed class AccountMailer(IEmailSender email, PublicSite site, IConfiguration configuration, TimeProvider clock)
{
    public async Task SendAsync(PlatformDbContext db, Guid userId, AccountEmail kind, CancellationToken ct)
    {
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == userId, ct);
        if (user is null)
        {
            return;
        }

        // Registering again while the address still waits for verification sends a fresh link: that is how a lost mail is resent.
        kind = kind == AccountEmail.AlreadyRegistered && user.EmailVerificationPending ? AccountEmail.VerifyEmail : kind;
        var link = kind switch
        {
            AccountEmail.VerifyEmail => site.Link("/verify-email?token=" + await IssueAsync(db, user.Id, AccountTokenPurpose.VerifyEmail, ct)),
            AccountEmail.ResetPassword => site.Link("/reset-password?token=" + await IssueAsync(db, user.Id, AccountTokenPurpose.ResetPassword, ct)),
            _ => site.Link("/sign-in"),
        };
        await email.SendAsync(AccountMails.Compose(kind, user, link, site), ct);
    }

    /// <summary>Saved before the mail leaves, so the link works the moment it arrives; if sending fails, the unsent token just expires.</summary>
    private async Task<string> IssueAsync(PlatformDbContext db, Guid userId, AccountTokenPurpose purpose, CancellationToken ct)
    {
        var token = AccountTokens.Issue(db, configuration, userId, purpose, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return token;
    }
}

/// <summary>The wording of the account mails, in French and in English.</summary>
internal static class AccountMails
{
    public static EmailMessage Compose(AccountEmail kind, User user, string link, PublicSite site)
    {
        var language = user.PreferredLanguage;
        var (subject, text) = kind switch
        {
            AccountEmail.VerifyEmail => MailTemplate.In(language,
                ("Confirmez votre adresse e-mail", "Pour activer votre compte Spoc, ouvrez ce lien :"),
                ("Confirm your email address", "To activate your Spoc account, open this link:")),
            AccountEmail.Welcome => MailTemplate.In(language,
                ("Bienvenue sur Spoc", "Votre compte Spoc est prêt. Connectez-vous :"),
                ("Welcome to Spoc", "Your Spoc account is ready. Sign in:")),
            AccountEmail.AlreadyRegistered => MailTemplate.In(language,
                ("Vous avez déjà un compte Spoc", "Quelqu'un, peut-être vous, a voulu créer un compte avec cette adresse, qui en a déjà un. "
                    + "Connectez-vous, ou choisissez « Mot de passe oublié ? » pour le réinitialiser. Si ce n'était pas vous, ignorez ce message."),
                ("You already have a Spoc account", "Someone, maybe you, tried to create an account with this address, which already has one. "
                    + "Sign in, or choose \"Forgot password?\" to reset it. If it was not you, ignore this message.")),
            _ => MailTemplate.In(language,
                ("Réinitialisez votre mot de passe", "Pour choisir un nouveau mot de passe, ouvrez ce lien (valable une fois, peu de temps). "
                    + "Si vous n'avez rien demandé, ignorez ce message : votre mot de passe reste le même."),
                ("Reset your password", "To choose a new password, open this link (good once, for a short time). "
                    + "If you did not ask for it, ignore this message: your password stays the same.")),
        };
        return MailTemplate.Compose(user.Email, language, user.DisplayName, subject, text, link, site);
    }
}
