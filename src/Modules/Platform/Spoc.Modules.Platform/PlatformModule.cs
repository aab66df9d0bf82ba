using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Spoc.Modules.Platform.Auth;
using Spoc.Modules.Platform.Data;
using Spoc.Modules.Platform.Features.Auth;
using Spoc.Modules.Platform.Features.Me;
using Spoc.Modules.Platform.Features.Organizations;
using Spoc.Modules.Platform.Seeding;
using Spoc.SharedKernel.Persistence;

namespace Spoc.Modules.Platform;

/// <summary>Organisations, users and authentication.</summary>
public static class PlatformModule
{
    /// <summary>The rate-limiter policy the host defines for sign-in.</summary>
    public const string SignInRateLimitPolicy = "auth-token";

    public static IServiceCollection AddPlatformModule(this IServiceCollection services, IConfiguration configuration) =>
        services
            .AddModuleDbContext<PlatformDbContext>(PlatformDbContext.Schema)
            .AddPlatformCache()
            .AddSingleton<TokenIssuer>()
            .AddSingleton<SignInThrottle>()
            .AddSingleton<EventHandlers.AccountMailer>()
            .AddSingleton<IStartupTask, AdminBootstrap>()
            .AddSingleton<IStartupTask, DemoData>();

    public static IEndpointRouteBuilder MapPlatformEndpoints(this IEndpointRouteBuilder api)
    {
        var configuration = api.ServiceProvider.GetRequiredService<IConfiguration>();
        var platform = api.MapGroup("").WithTags("Platform");
        RegisterUser.MapEndpoint(platform);
        IssueToken.MapEndpoint(platform, SignInRateLimitPolicy);
        IssueClientToken.MapEndpoint(platform, SignInRateLimitPolicy);
        RefreshAccessToken.MapEndpoint(platform);
        Logout.MapEndpoint(platform);
        VerifyEmail.MapEndpoint(platform);
        RequestPasswordReset.MapEndpoint(platform, SignInRateLimitPolicy);
        ResetPassword.MapEndpoint(platform);
        UpdateProfile.MapEndpoint(platform);
        ChangePassword.MapEndpoint(platform, SignInRateLimitPolicy);
        CreateOrganization.MapEndpoint(platform);
        ListOrganizations.MapEndpoint(platform);
        GetOrganization.MapEndpoint(platform);
        UpdateOrganization.MapEndpoint(platform);
        ListOrganizationMembers.MapEndpoint(platform);
        AddOrganizationMember.MapEndpoint(platform);
        AcceptOrganizationInvitation.MapEndpoint(platform);
        ChangeOrganizationMemberRole.MapEndpoint(platform);
        RemoveOrganizationMember.MapEndpoint(platform);
        SuspendOrganization.MapEndpoint(platform);
        ReactivateOrganization.MapEndpoint(platform);
        Features.Users.SearchUsers.MapEndpoint(platform);
        Features.Users.DisableUser.MapEndpoint(platform);
        Features.Users.EnableUser.MapEndpoint(platform);
        Features.Users.SendPasswordReset.MapEndpoint(platform);
        var integrations = api.MapGroup("").WithTags("Integrations");
        Features.ApiClients.ListApiClients.MapEndpoint(integrations);
        Features.ApiClients.CreateApiClient.MapEndpoint(integrations);
        Features.ApiClients.GetApiClient.MapEndpoint(integrations);
        Features.ApiClients.UpdateApiClient.MapEndpoint(integrations);
        Features.ApiClients.RotateApiClientSecret.MapEndpoint(integrations);
        Features.ApiClients.RevokeApiClient.MapEndpoint(integrations);
        Features.Files.UploadFile.MapEndpoint(platform, configuration);
        Features.Files.GetFile.MapEndpoint(platform);
        return api;
    }
}
