using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Spoc.Modules.Cohorts.Data;
using Spoc.Modules.Cohorts.Domain;
using Spoc.Modules.Cohorts.Features.Applications;
using Spoc.Modules.Cohorts.Features.Cohorts;
using Spoc.Modules.Cohorts.Features.Groups;
using Spoc.Modules.Cohorts.Features.Invitations;
using Spoc.Modules.Cohorts.Features.Members;
using Spoc.Modules.Cohorts.Features.Partnerships;
using Spoc.SharedKernel.Persistence;

namespace Spoc.Modules.Cohorts;

/// <summary>Selective admission, seats and waitlist, staff and mentors, project groups.</summary>
public static class CohortsModule
{
    /// <summary>The rate limit policy of the anonymous <c>GET /public/cohorts/{cohortId}</c>: per address.</summary>
    public const string PublicPageRateLimitPolicy = "public-cohort-page";

    public static IServiceCollection AddCohortsModule(this IServiceCollection services, IConfiguration configuration) =>
        services
            .AddModuleDbContext<CohortsDbContext>(CohortsDbContext.Schema)
            .AddScoped<CohortGate>()
            .AddCohortAccessCache()
            .AddSingleton<IStartupTask, Seeding.DemoCohort>();

    public static IEndpointRouteBuilder MapCohortsEndpoints(this IEndpointRouteBuilder api)
    {
        var cohorts = api.MapGroup("").WithTags("Cohorts");
        CreateCohort.MapEndpoint(cohorts);
        ListCohorts.MapEndpoint(cohorts);
        GetCohort.MapEndpoint(cohorts);
        GetPublicCohort.MapEndpoint(cohorts);
        UpdateCohort.MapEndpoint(cohorts);
        ApplyToCohort.MapEndpoint(cohorts);
        ListApplications.MapEndpoint(cohorts);
        ListMyApplications.MapEndpoint(cohorts);
        DecideApplication.MapEndpoint(cohorts);
        WithdrawApplication.MapEndpoint(cohorts);
        ListMembers.MapEndpoint(cohorts);
        AddCohortMember.MapEndpoint(cohorts);
        EnrolEmployees.MapEndpoint(cohorts);
        EnrolInBulk.MapEndpoint(cohorts);
        RemoveCohortMember.MapEndpoint(cohorts);
        AssignMentor.MapEndpoint(cohorts);
        InviteToCohort.MapEndpoint(cohorts);
        ListInvitations.MapEndpoint(cohorts);
        AcceptInvitation.MapEndpoint(cohorts);
        ListGroups.MapEndpoint(cohorts);
        CreateGroup.MapEndpoint(cohorts);
        AutoGroups.MapEndpoint(cohorts);
        UpdateGroup.MapEndpoint(cohorts);
        DeleteGroup.MapEndpoint(cohorts);
        AcceptPartnership.MapEndpoint(cohorts);
        DeclinePartnership.MapEndpoint(cohorts);
        ListPartnerships.MapEndpoint(cohorts);
        NamePartner.MapEndpoint(cohorts);
        ListCohortPartners.MapEndpoint(cohorts);
        return api;
    }
}
